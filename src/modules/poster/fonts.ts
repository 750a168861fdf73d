// Fonts ship through npm, so posters look the same on every machine whatever it has installed:
// Noto Sans SC (Google's full TTFs, every CJK ideograph) and Noto Color Emoji.
import { GlobalFonts } from '@napi-rs/canvas';
import { fileURLToPath } from 'node:url';

export const FONT_SANS = 'Fission Noto Sans SC';
export const FONT_EMOJI = 'Fission Noto Color Emoji';

const FILES: Array<[family: string, weight: number, specifier: string]> = [
  [FONT_SANS, 400, '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'],
  [FONT_SANS, 700, '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'],
  [FONT_EMOJI, 400, '@fontsource/noto-color-emoji/files/noto-color-emoji-emoji-400-normal.woff2'],
];

let registered = false;

/**
 * Registers the poster fonts; throws if a font file is missing or unreadable. The font registry
 * is shared by the process's threads, so what another thread loaded is not loaded again.
 */
export function registerPosterFonts(): void {
  if (registered) return;
  for (const [family, weight, specifier] of FILES) {
    const known = GlobalFonts.families.find((f) => f.family === family)?.styles.some((s) => s.weight === weight);
    if (known) continue;
    const path = fileURLToPath(import.meta.resolve(specifier));
    if (!GlobalFonts.registerFromPath(path, family)) throw new Error(`could not load font ${path}`);
  }
  registered = true;
}

/** A CSS font shorthand: the CJK face first, emoji as the fallback for what it lacks. */
export const posterFont = (px: number, bold: boolean) => `${bold ? 'bold ' : ''}${px}px "${FONT_SANS}", "${FONT_EMOJI}"`;
