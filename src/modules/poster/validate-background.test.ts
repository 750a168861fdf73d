import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../errors.ts';
import { validateBackground, MAX_BACKGROUND_BYTES } from './validate-background.ts';
import { bombHeader, solidImage } from './testing.ts';

async function rejection(bytes: Uint8Array): Promise<AppError> {
  try {
    await validateBackground(bytes);
  } catch (e) {
    assert.ok(e instanceof AppError, `expected an AppError, got ${e}`);
    assert.equal(e.fields?.[0]?.path, 'background');
    return e;
  }
  assert.fail('expected a rejection');
}

test('JPEG, PNG and BMP backgrounds are accepted with their size', async () => {
  assert.deepEqual(await validateBackground(solidImage(750, 1334, '#ff8800', 'jpeg')), { mime: 'image/jpeg', width: 750, height: 1334 });
  assert.deepEqual(await validateBackground(solidImage(1080, 1920, '#ff8800', 'png')), { mime: 'image/png', width: 1080, height: 1920 });
  assert.deepEqual(await validateBackground(solidImage(400, 600, '#ff8800', 'bmp')), { mime: 'image/bmp', width: 400, height: 600 });
});

test('the type comes from the content: anything else is an unsupported media type', async () => {
  for (const bytes of [Buffer.from('GIF89a' + 'x'.repeat(100)), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), Buffer.from('RIFF....WEBPVP8 ')]) {
    const e = await rejection(bytes);
    assert.equal(e.code, 'unsupported_media_type');
    assert.match(e.message, /not a JPEG, PNG or BMP/);
  }
});

test('over 2 MB is too large, checked before anything else', async () => {
  const big = Buffer.concat([solidImage(750, 1334, '#ff8800', 'jpeg'), Buffer.alloc(MAX_BACKGROUND_BYTES)]);
  const e = await rejection(big);
  assert.equal(e.code, 'payload_too_large');
  assert.match(e.message, /at most 2 MB/);
  assert.equal((await rejection(Buffer.alloc(MAX_BACKGROUND_BYTES + 1))).code, 'payload_too_large');
});

test('decompression bombs are refused from the header, before decoding', async () => {
  for (const format of ['jpeg', 'png', 'bmp'] as const) {
    const side = await rejection(bombHeader(format, 9000, 1000));
    assert.equal(side.code, 'validation_failed');
    assert.match(side.message, /9000×1000 px; at most 8000 px a side and 25 megapixels/);
    const area = await rejection(bombHeader(format, 6000, 5000)); // 30 MP, both sides under 8000
    assert.match(area.message, /6000×5000 px/);
  }
  assert.match((await rejection(bombHeader('png', 60000, 60000))).message, /60000×60000/);
});

test('images that do not decode are refused', async () => {
  for (const format of ['jpeg', 'png', 'bmp'] as const) {
    const e = await rejection(bombHeader(format, 750, 1334)); // a plausible header over junk
    assert.equal(e.code, 'validation_failed');
    assert.match(e.message, /could not be decoded/);
  }
  const jpeg = solidImage(750, 1334, '#ff8800', 'jpeg');
  const e = await rejection(Buffer.concat([jpeg.subarray(0, 400), Buffer.alloc(2000, 0x33)]));
  assert.match(e.message, /could not be decoded|header is damaged/);
});

test('empty, damaged-header and tiny images are refused', async () => {
  assert.match((await rejection(Buffer.alloc(0))).message, /empty/);
  assert.match((await rejection(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).message, /header is damaged/);
  assert.match((await rejection(solidImage(150, 300, '#000000', 'png'))).message, /150×300 px; at least 200 px a side/);
});
