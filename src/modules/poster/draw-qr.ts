import QRCode from 'qrcode';
import { Path2D, type SKRSContext2D } from '@napi-rs/canvas';
import type { PosterLayout } from '../../domain/poster/layout.ts';

/** White quiet zone around the code, in modules (WeChat's scanner copes with less than the spec's 4). */
const QUIET_MODULES = 2;

/**
 * The QR code on a white square filling the box, drawn with whole-pixel modules so it stays
 * sharp through JPEG and scans from a screenshot.
 */
export function drawQr(ctx: SKRSContext2D, box: PosterLayout['qr'], text: string): void {
  // One byte-mode segment: a URL gains nothing from mixed modes, and skipping the segment search halves the time.
  const { modules } = QRCode.create([{ data: Buffer.from(text, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const module = Math.max(1, Math.floor(box.size / (n + 2 * QUIET_MODULES)));
  const offset = Math.floor((box.size - module * n) / 2);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(box.x, box.y, box.size, box.size);
  const dark = new Path2D();
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      if (modules.data[row * n + col]) dark.rect(box.x + offset + col * module, box.y + offset + row * module, module, module);
    }
  }
  ctx.fillStyle = '#000000';
  ctx.fill(dark);
}
