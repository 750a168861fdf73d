// QR images the way WeChat hosts them, and decoding a photographed/uploaded QR back to its URL
// (what a phone camera does when a simulated person "scans" a poster).
import { createCanvas, loadImage } from '@napi-rs/canvas';
import jsQRModule from 'jsqr';
import QRCode from 'qrcode';

// jsqr is CommonJS whose module.exports is the function, while its typings declare a default export.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

export function qrPng(content: string): Promise<Buffer> {
  return QRCode.toBuffer(content, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 430 });
}

/** Decodes the first QR code in a PNG/JPEG image; null when none is found. */
export async function decodeQr(image: Buffer): Promise<string | null> {
  let img: Awaited<ReturnType<typeof loadImage>>;
  try {
    img = await loadImage(image);
  } catch {
    return null;
  }
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const { data, width, height } = ctx.getImageData(0, 0, img.width, img.height);
  const found = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width, height);
  return found ? found.data : null;
}

/** The JPEG that mp.weixin.qq.com/cgi-bin/showqrcode serves. */
export async function qrJpeg(content: string): Promise<Buffer> {
  const img = await loadImage(await qrPng(content));
  const canvas = createCanvas(img.width, img.height);
  canvas.getContext('2d').drawImage(img, 0, 0);
  return canvas.toBuffer('image/jpeg', 92);
}
