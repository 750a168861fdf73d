// Participant nicknames come from WeChat and are whatever the user typed: emoji, newlines, bidi
// tricks, hundreds of characters. They are drawn as plain text (never markup), on one line, cut
// with an ellipsis at the template's width.

/** More graphemes than any box can show; bounds the measuring work for hostile names. */
export const MAX_NICKNAME_GRAPHEMES = 64;
export const ELLIPSIS = '…';

const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

// Control characters and the bidi overrides/isolates/marks that can reorder what is drawn.
// Zero-width joiners, variation selectors and tag characters stay: emoji sequences need them.
const STRIP = /[\p{Cc}\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/gu;

/** One clean line: no control or bidi characters, whitespace runs as single spaces, bounded length. */
export function normalizeNickname(raw: string): string {
  const line = raw.toWellFormed().replace(/\s+/gu, ' ').replace(STRIP, '').trim();
  const g = graphemes(line);
  return g.length > MAX_NICKNAME_GRAPHEMES ? g.slice(0, MAX_NICKNAME_GRAPHEMES).join('') : line;
}

/**
 * The longest prefix of `text` (whole graphemes) that fits `maxWidth`, followed by an ellipsis
 * when anything was cut. `measure` returns the drawn width of a string in the same units.
 */
export function fitText(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  const g = graphemes(text);
  const fits = (k: number) => measure(g.slice(0, k).join('').trimEnd() + ELLIPSIS) <= maxWidth;
  // Binary search for the largest k with fits(k); width grows with k.
  let lo = 0;
  let hi = g.length - 1;
  if (!fits(0)) return '';
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return g.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}
