// The poster endpoints: background upload (multipart), the default background of a poster without
// an uploaded one, and the server-rendered preview of a template. The preview refreshes itself
// shortly after the template (or the offer it announces) stops changing.
import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../api/client.ts';
import { errorOf, uploadImage } from '../../../api/upload-image.ts';
import type { PosterTemplate } from '../../../api/campaign-types.ts';
import type { PosterOffer } from '../wizard-form.ts';

export interface UploadedBackground {
  id: string;
  width: number;
  height: number;
}

export function uploadBackground(workspaceApi: string, file: File): Promise<UploadedBackground> {
  return uploadImage<UploadedBackground>(`${workspaceApi}/poster-backgrounds`, file);
}

/** The image participants' posters are drawn on while no background is uploaded: the offer in large type. */
export function defaultBackgroundUrl(workspaceApi: string, offer: PosterOffer): string {
  return `${workspaceApi}/poster-default-background?${new URLSearchParams({ reward: offer.reward, target: String(offer.target) })}`;
}

export type PreviewState = 'idle' | 'loading' | 'ready' | 'error';

/** Server preview of `template` (on the offer's default background if it has none), re-rendered 600 ms after the last change. */
export function usePosterPreview(workspaceApi: string, template: PosterTemplate, offer: PosterOffer | null) {
  const [state, setState] = useState<PreviewState>('idle');
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  // By value: the wizard hands a new offer object on every render.
  const offerKey = offer ? JSON.stringify(offer) : null;
  useEffect(() => {
    const ac = new AbortController();
    const timer = setTimeout(async () => {
      setState('loading');
      try {
        const res = await fetch(`${workspaceApi}/poster-preview`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', accept: 'image/png' },
          body: JSON.stringify(offerKey ? { template, offer: JSON.parse(offerKey) } : { template }),
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
  }, [workspaceApi, template, offerKey, tick]);

  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { state, url, error, refresh };
}
