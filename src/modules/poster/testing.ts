// Test images made in code (no binaries in the repository) and pixel helpers for poster tests.
import { randomUUID } from 'node:crypto';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import { sampleBackground } from './sample-images.ts';

/** A solid-colour image; JPEG, PNG, or a 24-bit BMP (canvas cannot encode BMP, so it is built here). */
export function solidImage(width: number, height: number, colour: string, format: 'jpeg' | 'png' | 'bmp'): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, width, height);
  if (format === 'jpeg') return canvas.encodeSync('jpeg', 90);
  if (format === 'png') return canvas.toBuffer('image/png');
  const rgba = ctx.getImageData(0, 0, width, height).data;
  return bmp24(width, height, (x, y) => [rgba[(y * width + x) * 4]!, rgba[(y * width + x) * 4 + 1]!, rgba[(y * width + x) * 4 + 2]!]);
}

function bmp24(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const stride = Math.ceil((width * 3) / 4) * 4;
  const b = Buffer.alloc(54 + stride * height);
  b.write('BM', 0, 'latin1');
  b.writeUInt32LE(b.length, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(height, 22); // positive: bottom-up rows
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  b.writeUInt32LE(stride * height, 34);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, bl] = pixel(x, y);
      const o = 54 + (height - 1 - y) * stride + x * 3;
      b[o] = bl;
      b[o + 1] = g;
      b[o + 2] = r;
    }
  }
  return b;
}

/** Headers that declare `width`×`height` followed by junk: what a decompression bomb looks like before decoding. */
export function bombHeader(format: 'jpeg' | 'png' | 'bmp', width: number, height: number): Buffer {
  const junk = Buffer.alloc(4096, 0x5a);
  if (format === 'png') {
    const h = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(h, 0);
    h.writeUInt32BE(13, 8);
    h.write('IHDR', 12, 'latin1');
    h.writeUInt32BE(width, 16);
    h.writeUInt32BE(height, 20);
    h[24] = 8; // bit depth
    h[25] = 2; // RGB
    return Buffer.concat([h, junk]);
  }
  if (format === 'bmp') {
    const h = Buffer.alloc(54);
    h.write('BM', 0, 'latin1');
    h.writeUInt32LE(40, 14);
    h.writeInt32LE(width, 18);
    h.writeInt32LE(-height, 22); // top-down
    h.writeUInt16LE(1, 26);
    h.writeUInt16LE(24, 28);
    return Buffer.concat([h, junk]);
  }
  // SOI, an APP0 segment, then a baseline frame header (SOF0) with the declared size.
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, junk]);
}

export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  at(x: number, y: number): [number, number, number];
}

export async function decodePixels(bytes: Uint8Array): Promise<Pixels> {
  const img = await loadImage(bytes);
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data } = ctx.getImageData(0, 0, img.width, img.height);
  return {
    width: img.width,
    height: img.height,
    data,
    at: (x, y) => {
      const o = (Math.round(y) * img.width + Math.round(x)) * 4;
      return [data[o]!, data[o + 1]!, data[o + 2]!];
    },
  };
}

/** Colour distance good enough to tell JPEG'd colours apart. */
export const near = (a: [number, number, number], b: [number, number, number], tolerance = 40) =>
  Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) <= tolerance;

/** Bounding box of pixels matching `match` inside a rectangle, or null when there are none. */
export function inkBox(p: Pixels, rect: { x: number; y: number; w: number; h: number }, match: (rgb: [number, number, number]) => boolean) {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  let count = 0;
  for (let y = Math.max(0, rect.y); y < Math.min(p.height, rect.y + rect.h); y++) {
    for (let x = Math.max(0, rect.x); x < Math.min(p.width, rect.x + rect.w); x++) {
      if (!match(p.at(x, y))) continue;
      count++;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  return count ? { minX, maxX, minY, maxY, count } : null;
}

/** The sample background as JPEG, with a template reference to it under a fresh id. */
export function sampleBackgroundFor(width: number, height: number) {
  const bytes = sampleBackground(width, height);
  return { bytes, ref: { imageId: randomUUID(), width, height } };
}

/** The text of the QR code in the image (jsQR, as a phone's scanner would read it), or undefined. */
export function readQr(p: Pixels): string | undefined {
  return readQrCode(p)?.data;
}

export function readQrCode(p: Pixels) {
  // jsqr is CommonJS: its function is both module.exports and .default; TypeScript sees only .default.
  return jsQR.default(p.data, p.width, p.height);
}
