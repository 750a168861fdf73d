// Image type from magic bytes and pixel dimensions from the header alone, before anything is
// decoded: a 2 MB file can declare 50,000 × 50,000 pixels (a decompression bomb).

export type ImageMime = 'image/jpeg' | 'image/png' | 'image/bmp';

export interface ImageHeader {
  mime: ImageMime;
  width: number;
  height: number;
}

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffImageType(b: Uint8Array): ImageMime | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && PNG_MAGIC.every((v, i) => b[i] === v)) return 'image/png';
  if (b.length >= 2 && b[0] === 0x42 && b[1] === 0x4d) return 'image/bmp';
  return null;
}

/** The header's type and size; null when the type is unknown or the header is damaged. */
export function readImageHeader(b: Uint8Array): ImageHeader | null {
  const mime = sniffImageType(b);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const size = mime === 'image/jpeg' ? jpegSize(b, dv) : mime === 'image/png' ? pngSize(b, dv) : mime === 'image/bmp' ? bmpSize(dv) : null;
  if (!mime || !size || size.width <= 0 || size.height <= 0) return null;
  return { mime, ...size };
}

type Size = { width: number; height: number } | null;

function pngSize(b: Uint8Array, dv: DataView): Size {
  // Signature, then the IHDR chunk must come first: length(4) "IHDR" width(4) height(4).
  if (b.length < 24 || String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!) !== 'IHDR') return null;
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}

function bmpSize(dv: DataView): Size {
  if (dv.byteLength < 26) return null;
  const dibSize = dv.getUint32(14, true);
  // BITMAPCOREHEADER has 16-bit sizes; later headers signed 32-bit (negative height = top-down).
  if (dibSize === 12) return { width: dv.getUint16(18, true), height: dv.getUint16(20, true) };
  if (dibSize < 40) return null;
  return { width: dv.getInt32(18, true), height: Math.abs(dv.getInt32(22, true)) };
}

// Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but don't.
const isSof = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpegSize(b: Uint8Array, dv: DataView): Size {
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2; // standalone markers have no length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan data before any frame header
    const length = dv.getUint16(i + 2);
    if (length < 2) return null;
    if (isSof(marker)) {
      if (i + 9 > b.length) return null;
      return { width: dv.getUint16(i + 7), height: dv.getUint16(i + 5) };
    }
    i += 2 + length;
  }
  return null;
}
