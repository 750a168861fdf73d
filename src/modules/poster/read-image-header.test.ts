import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readImageHeader, sniffImageType } from './read-image-header.ts';
import { bombHeader, solidImage } from './testing.ts';

test('type and size come from the header of real JPEG, PNG and BMP files', () => {
  assert.deepEqual(readImageHeader(solidImage(321, 123, '#336699', 'jpeg')), { mime: 'image/jpeg', width: 321, height: 123 });
  assert.deepEqual(readImageHeader(solidImage(321, 123, '#336699', 'png')), { mime: 'image/png', width: 321, height: 123 });
  assert.deepEqual(readImageHeader(solidImage(321, 123, '#336699', 'bmp')), { mime: 'image/bmp', width: 321, height: 123 });
});

test('declared sizes are read without decoding, including top-down BMP', () => {
  assert.deepEqual(readImageHeader(bombHeader('jpeg', 60000, 50000)), { mime: 'image/jpeg', width: 60000, height: 50000 });
  assert.deepEqual(readImageHeader(bombHeader('png', 100000, 100000)), { mime: 'image/png', width: 100000, height: 100000 });
  assert.deepEqual(readImageHeader(bombHeader('bmp', 30000, 30000)), { mime: 'image/bmp', width: 30000, height: 30000 });
});

test('unknown types and damaged headers give null', () => {
  assert.equal(sniffImageType(Buffer.from('GIF89a......')), null);
  assert.equal(readImageHeader(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), null);
  assert.equal(readImageHeader(Buffer.alloc(0)), null);
  const jpeg = solidImage(50, 50, '#000000', 'jpeg');
  assert.equal(sniffImageType(jpeg.subarray(0, 10)), 'image/jpeg');
  assert.equal(readImageHeader(jpeg.subarray(0, 10)), null, 'truncated before the frame header');
  assert.equal(readImageHeader(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 8, 1, 2, 3, 4, 5, 6])), null, 'scan before any frame header');
  assert.equal(readImageHeader(solidImage(50, 50, '#000000', 'png').subarray(0, 20)), null);
  assert.equal(readImageHeader(bombHeader('png', 0, 10)), null, 'zero width');
});
