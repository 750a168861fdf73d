// The poster endpoints: background upload (multipart) and the server-rendered preview of a
// template (PNG). The preview refreshes itself shortly after the template stops changing.
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../api/client.ts';
import { errorOf, uploadImage } from '../../../api/upload-image.ts';
import type { PosterTemplate } from '../../../api/campaign-types.ts';

export interface UploadedBackground {
  id: string;
  width: number;
  height: number;
}

export function uploadBackground(workspaceApi: string, file: File): Promise<UploadedBackground> {
  return uploadImage<UploadedBackground>(`${workspaceApi}/poster-backgrounds`, file);
}

export type PreviewState = 'idle' | 'loading' | 'ready' | 'error';

/** Server preview of `template`, re-rendered 600 ms after the last change. */
export function usePosterPreview(workspaceApi: string, template: PosterTemplate) {
  const [state, setState] = useState<PreviewState>('idle');
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const ac = new AbortController();
    const timer = setTimeout(async () => {
      setState('loading');
      try {
        const res = await fetch(`${workspaceApi}/poster-preview`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', accept: 'image/png' },
          body: JSON.stringify({ template }),
          signal: ac.signal,
        });
        if (!res.ok) throw await errorOf(res);
        const blob = await res.blob();
        setUrl((old) => {
          if (old) URL.revokeObjectURL(old);
          return URL.createObjectURL(blob);
        });
        setError(null);
        setState('ready');
      } catch (err) {
        if (ac.signal.aborted) return;
        const e = err as ApiError;
        setError(e.fields?.length ? e.fields.map((f) => f.message).join(';') : e.message);
        setState('error');
      }
    }, 600);
    return () => {
      clearTimeout(timer);
      ac.abort();
    };
  }, [workspaceApi, template, tick]);

  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { state, url, error, refresh };
}
