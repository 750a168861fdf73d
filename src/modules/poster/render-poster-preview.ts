// The editor's live preview: the template as a participant would get it, with a sample avatar, a
// sample Chinese nickname and a sample help link.
import type { PosterTemplate } from '../../domain/poster/template.ts';
import type { PosterRenderer } from './create-poster-renderer.ts';
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
}

export function renderPosterPreview(renderer: PosterRenderer, input: PosterPreviewInput): Promise<Buffer> {
  return renderer.render({
    template: input.template,
    background: input.background,
    avatar: sampleAvatar(),
    nickname: PREVIEW_NICKNAME,
    helpUrl: input.helpUrl ?? PREVIEW_HELP_URL,
  });
}
