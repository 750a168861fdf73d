// Length rules as WeChat counts them: API limits are in UTF-8 bytes, form limits in characters.

const encoder = new TextEncoder();
// Pure: bundles that only need charCount (the H5 address form) leave it out, so phones whose
// WebView lacks Intl.Segmenter can still load them.
const graphemes = /* @__PURE__ */ new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function utf8ByteLength(text: string): number {
  return encoder.encode(text).length;
}

/** Characters as a person counts them in a form: code points, so 一 and 😀 are one each. */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * The longest prefix of `text` that fits in `maxBytes` of UTF-8. It cuts between grapheme clusters
 * (which are always code-point boundaries), so no emoji or accented letter is left half-sent; a
 * single cluster larger than the whole budget is dropped rather than split.
 */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (!Number.isInteger(maxBytes) || maxBytes < 0) throw new RangeError(`maxBytes must be a non-negative integer, got ${maxBytes}`);
  if (utf8ByteLength(text) <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    const size = utf8ByteLength(segment);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end = index + segment.length;
  }
  return text.slice(0, end);
}
