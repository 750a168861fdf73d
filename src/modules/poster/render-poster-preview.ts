// The editor's live preview: the template as a participant would get it, with a sample avatar, a
// sample Chinese nickname and a sample help link; without an uploaded background, on the default
// one announcing the campaign's offer (as participants' posters are drawn).
import type { PosterOffer } from '../../domain/poster/offer.ts';
import type { PosterTemplate } from '../../domain/poster/template.ts';
import type { PosterRenderer } from './create-poster-renderer.ts';
import { onOfferBackground } from './participant-poster.ts';
import { sampleAvatar } from './sample-images.ts';

export const PREVIEW_NICKNAME = '裂变小助手🎉';
export const PREVIEW_HELP_URL = 'https://example.com/h5/help/preview';

export interface PosterPreviewInput {
  /** Unvalidated template from the editor: a bad one throws a validation error naming the field. */
  template: PosterTemplate;
  /** The template's background (id = template.background.imageId), or null when none is set. */
  background: { id: string; bytes: Uint8Array } | null;
  /** Defaults to a sample link; pass the campaign's to preview the real code. */
  helpUrl?: string;
  /** The campaign's offer, drawn on the default background when the template has none. */
  offer?: PosterOffer;
}

export function renderPosterPreview(renderer: PosterRenderer, input: PosterPreviewInput): Promise<Buffer> {
  const drawn = !input.background && !input.template.background && input.offer ? onOfferBackground(input.template, input.offer) : { template: input.template, background: input.background };
  return renderer.render({
    template: drawn.template,
    background: drawn.background,
    avatar: sampleAvatar(),
    nickname: PREVIEW_NICKNAME,
    helpUrl: input.helpUrl ?? PREVIEW_HELP_URL,
  });
}
