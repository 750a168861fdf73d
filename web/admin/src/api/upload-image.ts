// Uploads an image file as multipart/form-data (field `file`) with the session cookie; failures
// become ApiErrors like the JSON client's.
import { ApiError } from './client.ts';

export async function errorOf(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => undefined)) as { error?: { code?: ApiError['code']; message?: string; fields?: ApiError['fields']; requestId?: string } } | undefined;
  return new ApiError(res.status, body?.error?.code ?? 'bad_request', body?.error?.message ?? `HTTP ${res.status}`, body?.error?.fields ?? [], body?.error?.requestId);
}

export async function uploadImage<T>(endpoint: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  let res: Response;
  try {
    res = await fetch(endpoint, { method: 'POST', body: form, credentials: 'same-origin' });
  } catch (err) {
    throw new ApiError(0, 'network', (err as Error).message);
  }
  if (!res.ok) throw await errorOf(res);
  return (await res.json()) as T;
}
