// Saves a file the API serves (the campaign's activity code PNG) under a given name.
import { ApiError } from '../../api/client.ts';

export async function downloadFile(url: string, filename: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch (err) {
    throw new ApiError(0, 'network', (err as Error).message);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => undefined)) as { error?: { code?: ApiError['code']; message?: string } } | undefined;
    throw new ApiError(res.status, body?.error?.code ?? 'bad_request', body?.error?.message ?? `HTTP ${res.status}`);
  }
  const blob = await res.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
