// Keeps the poster template's version honest on update: cached posters are keyed by it, so any
// change of layout must raise it, whatever version the client sent.
import { isDeepStrictEqual } from 'node:util';
import type { PosterTemplate } from '../../domain/poster/template.ts';

/**
 * The template to store: none sent → the stored one is kept; unchanged → the stored version;
 * changed → above both the stored and the sent version.
 */
export function nextPosterTemplate(stored: PosterTemplate | undefined, sent: PosterTemplate | undefined): PosterTemplate | undefined {
  if (!sent) return stored;
  if (!stored) return sent;
  const { version: storedVersion, ...storedLayout } = stored;
  const { version: sentVersion, ...sentLayout } = sent;
  if (isDeepStrictEqual(storedLayout, sentLayout)) return { ...sent, version: storedVersion };
  return { ...sent, version: Math.max(storedVersion, sentVersion) + 1 };
}
