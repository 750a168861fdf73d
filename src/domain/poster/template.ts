// The per-campaign poster template: where the participant's avatar, nickname and QR code go on the
// operator's background image. Stored as validated JSON; `version` is the template's revision
// (the owner bumps it on every save) and keys the poster cache, so old posters are never served
// for a new layout.
//
// Coordinates are design units on a frame 750 units wide (the recommended 750×1334 background is
// 1 unit = 1 px). A background of another size keeps its aspect ratio: the frame is 750 units wide
// and 750 × height / width units tall, and everything scales with the real pixels. Positions are
// the top-left corner of each element's box.
import { z } from 'zod';
import { validationError, type FieldError } from '../../errors.ts';

export const FRAME_WIDTH = 750;
/** Frame height when no background is set yet: the recommended 750×1334. */
export const DEFAULT_FRAME_HEIGHT = 1334;
/** Nickname box height as a multiple of its font size. */
export const NICKNAME_LINE_HEIGHT = 1.4;
/** Largest background side in pixels (also the upload limit). */
export const MAX_BACKGROUND_SIDE = 8000;

const whole = (min: number, max: number, unit = 'design units') =>
  z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min} ${unit}` })
    .max(max, { error: `must be at most ${max} ${unit}` });

// Upper bound only guards against absurd input; the real check is "inside the background" below.
const position = () => whole(0, 100_000);

const colour = z
  .string({ error: 'must be a colour like #1a2b3c' })
  .regex(/^#[0-9a-fA-F]{6}$/, { error: 'must be a colour like #1a2b3c (# and 6 hex digits)' })
  .overwrite((s) => s.toLowerCase());

const backgroundSchema = z.strictObject({
  imageId: z.uuid({ error: 'must be the id of an uploaded background image' }),
  width: whole(1, MAX_BACKGROUND_SIDE, 'px'),
  height: whole(1, MAX_BACKGROUND_SIDE, 'px'),
});

const avatarSchema = z.strictObject({
  show: z.boolean({ error: 'must be true or false' }),
  shape: z.enum(['circle', 'square', 'rounded'], { error: 'must be circle, square or rounded' }),
  size: whole(20, FRAME_WIDTH),
  x: position(),
  y: position(),
});

const nicknameSchema = z.strictObject({
  show: z.boolean({ error: 'must be true or false' }),
  fontSize: whole(12, 120),
  fontWeight: z.enum(['regular', 'bold'], { error: 'must be regular or bold' }),
  color: colour,
  align: z.enum(['left', 'center', 'right'], { error: 'must be left, center or right' }),
  x: position(),
  y: position(),
  /** Width of the nickname's box; longer names end with an ellipsis inside it. */
  maxWidth: whole(20, FRAME_WIDTH),
});

const qrSchema = z.strictObject({
  // Below ~100 units (about 1.3 cm on a phone) a code with a long URL stops scanning reliably.
  size: whole(100, FRAME_WIDTH),
  x: position(),
  y: position(),
});

interface Box {
  path: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export const posterTemplateSchema = z
  .strictObject({
    version: whole(1, 2_147_483_647, ''),
    /** null until the operator uploads one: posters then use a plain 750×1334 frame. */
    background: backgroundSchema.nullable(),
    avatar: avatarSchema,
    nickname: nicknameSchema,
    qr: qrSchema,
  })
  .superRefine((t, ctx) => {
    const frameHeight = frameHeightOf(t.background);
    const boxes: Box[] = [{ path: 'qr', x: t.qr.x, y: t.qr.y, w: t.qr.size, h: t.qr.size }];
    if (t.avatar.show) boxes.push({ path: 'avatar', x: t.avatar.x, y: t.avatar.y, w: t.avatar.size, h: t.avatar.size });
    if (t.nickname.show) {
      const h = Math.ceil(t.nickname.fontSize * NICKNAME_LINE_HEIGHT);
      boxes.push({ path: 'nickname', x: t.nickname.x, y: t.nickname.y, w: t.nickname.maxWidth, h });
    }
    for (const b of boxes) {
      if (b.x + b.w > FRAME_WIDTH) {
        ctx.addIssue({ code: 'custom', path: [b.path, 'x'], message: `element ends at ${b.x + b.w}, outside the background (${FRAME_WIDTH} units wide)` });
      }
      if (b.y + b.h > frameHeight) {
        ctx.addIssue({ code: 'custom', path: [b.path, 'y'], message: `element ends at ${b.y + b.h}, outside the background (${Math.floor(frameHeight)} units tall)` });
      }
    }
    // Anything drawn over the QR code can make it unscannable, and then the poster is useless.
    const qr = boxes[0]!;
    for (const b of boxes.slice(1)) {
      if (overlaps(qr, b)) ctx.addIssue({ code: 'custom', path: ['qr'], message: `QR code overlaps the ${b.path}; move one of them` });
    }
  });

export type PosterTemplate = z.output<typeof posterTemplateSchema>;
export type PosterBackgroundRef = NonNullable<PosterTemplate['background']>;

export function frameHeightOf(background: { width: number; height: number } | null): number {
  return background ? (background.height * FRAME_WIDTH) / background.width : DEFAULT_FRAME_HEIGHT;
}

/** Validates a template (e.g. from the editor or the database); throws a validation error naming each bad field. */
export function parsePosterTemplate(input: unknown): PosterTemplate {
  const r = posterTemplateSchema.safeParse(input);
  if (r.success) return r.data;
  const fields: FieldError[] = r.error.issues.map((i) => ({
    path: i.path.join('.'),
    message: i.code === 'unrecognized_keys' ? `unknown field(s): ${i.keys.join(', ')}` : i.message,
  }));
  throw validationError(fields, 'invalid poster template');
}

/**
 * A starting layout: avatar and nickname bottom-left, QR code bottom-right, anchored to the bottom
 * of the given background (or of a 750×1334 frame).
 */
export function defaultPosterTemplate(background: PosterBackgroundRef | null = null): PosterTemplate {
  const bottom = Math.floor(frameHeightOf(background));
  const margin = 40;
  const qrSize = 200;
  const avatarSize = 100;
  const avatarY = bottom - margin - qrSize / 2 - avatarSize / 2;
  return {
    version: 1,
    background,
    avatar: { show: true, shape: 'circle', size: avatarSize, x: margin, y: avatarY },
    nickname: {
      show: true,
      fontSize: 32,
      fontWeight: 'bold',
      color: '#333333',
      align: 'left',
      x: margin + avatarSize + 20,
      y: avatarY + Math.round((avatarSize - 32 * NICKNAME_LINE_HEIGHT) / 2),
      maxWidth: FRAME_WIDTH - 2 * margin - avatarSize - 20 - qrSize - 20,
    },
    qr: { size: qrSize, x: FRAME_WIDTH - margin - qrSize, y: bottom - margin - qrSize },
  };
}
