import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createCanvas } from '@napi-rs/canvas';
import { AppError } from '../../errors.ts';
import { defaultPosterTemplate, type PosterTemplate } from '../../domain/poster/template.ts';
import { createPosterRenderer, type PosterRenderer, type PosterRenderInput } from './create-poster-renderer.ts';
import { decodePixels, inkBox, near, readQr, readQrCode, solidImage, type Pixels } from './testing.ts';

const BG_ID = '3f0b5c2e-8a4d-4e1b-9c7a-2d6e8f1a0b3c';
const WHITE: [number, number, number] = [255, 255, 255];
const RED: [number, number, number] = [224, 32, 32];
const HELP_URL = 'https://fission.example.com/h5/help/5d1f0c2a?campaign=9f8e7d6c-5b4a-4321-8fed-cba987654321&from=poster';

let renderer: PosterRenderer;
const background = solidImage(750, 1334, '#ffffff', 'png');
const redAvatar = solidImage(132, 132, '#e02020', 'png');

before(() => {
  renderer = createPosterRenderer({ threads: 1 });
});
after(() => renderer.close());

function template(patch: (t: PosterTemplate) => void = () => {}): PosterTemplate {
  const t = defaultPosterTemplate({ imageId: BG_ID, width: 750, height: 1334 });
  patch(t);
  return t;
}

function input(over: Partial<PosterRenderInput> = {}): PosterRenderInput {
  return { template: template(), background: { id: BG_ID, bytes: background }, avatar: redAvatar, nickname: '小明', helpUrl: HELP_URL, ...over };
}

async function pixels(over: Partial<PosterRenderInput> = {}): Promise<Pixels> {
  return decodePixels(await renderer.render(input(over)));
}

// A lone nickname in a known box, nothing else near it.
function nicknameOnly(patch: Partial<PosterTemplate['nickname']> = {}): PosterTemplate {
  return template((t) => {
    t.avatar.show = false;
    t.nickname = { show: true, fontSize: 40, fontWeight: 'regular', color: '#2040e0', align: 'left', x: 100, y: 300, maxWidth: 500, ...patch };
  });
}
const NICK_AREA = { x: 0, y: 250, w: 750, h: 200 };
const isBlue = (c: [number, number, number]) => near(c, [32, 64, 224], 120);

test('the QR code decodes to the help URL', async () => {
  const p = await pixels();
  const code = readQrCode(p);
  assert.equal(code?.data, HELP_URL);
});

test('the QR code decodes at other sizes and output widths, with a long URL', async () => {
  const url = `https://fission.example.com/h5/help/${'x'.repeat(300)}`;
  const big = solidImage(1500, 2668, '#ffffff', 'jpeg');
  const id = '6a1d2c3b-0000-4000-8000-000000001500';
  const t = defaultPosterTemplate({ imageId: id, width: 1500, height: 2668 });
  t.qr = { size: 150, x: 560, y: 1100 };
  const bytes = await renderer.render({ template: t, background: { id, bytes: big }, avatar: null, nickname: 'x', helpUrl: url });
  const p = await decodePixels(bytes);
  assert.deepEqual([p.width, p.height], [1080, 1921]);
  assert.equal(readQr(p), url);
});

test('the QR code sits inside its box and scales with its size', async () => {
  for (const qr of [
    { size: 300, x: 50, y: 600 },
    { size: 150, x: 500, y: 100 },
  ]) {
    const p = await pixels({ template: template((t) => (t.qr = qr)) });
    const code = readQrCode(p);
    assert.equal(code?.data, HELP_URL);
    const { topLeftCorner: tl, bottomRightCorner: br } = code!.location;
    assert.ok(tl.x >= qr.x && tl.y >= qr.y && br.x <= qr.x + qr.size && br.y <= qr.y + qr.size, `code ${JSON.stringify([tl, br])} outside ${JSON.stringify(qr)}`);
    assert.ok(br.x - tl.x > qr.size * 0.7, 'the code fills most of its box');
  }
});

test('the output is a JPEG the size of the background, and deterministic', async () => {
  const a = await renderer.render(input());
  const b = await renderer.render(input());
  assert.deepEqual([...a.subarray(0, 3)], [0xff, 0xd8, 0xff]);
  assert.ok(a.equals(b), 'same input, same bytes (posters are cached and ETagged)');
  const p = await decodePixels(a);
  assert.deepEqual([p.width, p.height], [750, 1334]);
});

test('backgrounds of each accepted type are drawn; none gives a plain frame', async () => {
  for (const [i, format] of (['jpeg', 'png', 'bmp'] as const).entries()) {
    // Threads keep decoded backgrounds by id: each image needs its own.
    const id = `6a1d2c3b-0000-4000-8000-00000000000${i}`;
    const bytes = solidImage(400, 712, '#20a040', format);
    const t = defaultPosterTemplate({ imageId: id, width: 400, height: 712 });
    const p = await decodePixels(await renderer.render({ ...input(), template: t, background: { id, bytes } }));
    assert.equal(p.width, 400);
    assert.ok(near(p.at(10, 10), [32, 160, 64]), `${format}: ${p.at(10, 10)}`);
  }
  const plain = await decodePixels(await renderer.render({ ...input(), template: defaultPosterTemplate(), background: null }));
  assert.ok(near(plain.at(10, 10), [242, 243, 245], 12));
});

test('avatar shapes: circle and rounded clip the corners, square keeps them', async () => {
  const at = { x: 300, y: 200, size: 160 };
  for (const [shape, cornerRed] of [['circle', false], ['rounded', false], ['square', true]] as const) {
    const p = await pixels({ template: template((t) => (t.avatar = { show: true, shape, ...at })) });
    assert.ok(near(p.at(at.x + 80, at.y + 80), RED), `${shape} centre`);
    assert.equal(near(p.at(at.x + 3, at.y + 3), RED), cornerRed, `${shape} corner`);
    assert.ok(near(p.at(at.x - 3, at.y - 3), WHITE), `${shape} outside`);
    assert.ok(near(p.at(at.x + at.size + 3, at.y + at.size + 3), WHITE), `${shape} outside, far corner`);
    if (shape === 'rounded') assert.ok(near(p.at(at.x + 3, at.y + 40), RED), 'rounded: straight edge kept');
    if (shape === 'circle') assert.ok(!near(p.at(at.x + 5, at.y + 40), RED), 'circle: edge curved');
  }
});

test('avatars are centre-cropped to a square', async () => {
  const c = createCanvas(396, 132);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#20a040';
  ctx.fillRect(0, 0, 396, 132);
  ctx.fillStyle = '#e02020';
  ctx.fillRect(132, 0, 132, 132);
  const p = await pixels({ avatar: c.toBuffer('image/png'), template: template((t) => (t.avatar = { show: true, shape: 'square', size: 100, x: 50, y: 50 })) });
  assert.ok(near(p.at(53, 100), RED) && near(p.at(146, 100), RED), 'only the red middle is shown');
});

test('no avatar, or one that will not decode, gives a neutral placeholder; hidden draws nothing', async () => {
  const box = { show: true, shape: 'square' as const, size: 100, x: 50, y: 50 };
  for (const avatar of [null, Buffer.from('not an image'), Buffer.concat([redAvatar.subarray(0, 60), Buffer.alloc(500, 1)])]) {
    const p = await pixels({ avatar, template: template((t) => (t.avatar = box)) });
    assert.ok(near(p.at(55, 55), [229, 230, 235], 15), `placeholder background, got ${p.at(55, 55)}`);
    assert.ok(near(p.at(100, 90), [194, 198, 207], 15), `placeholder figure, got ${p.at(100, 90)}`);
  }
  const hidden = await pixels({ template: template((t) => (t.avatar = { ...box, show: false })) });
  assert.ok(near(hidden.at(100, 100), WHITE));
});

test('nickname colour, alignment and position follow the template', async () => {
  const left = inkBox(await pixels({ template: nicknameOnly({ align: 'left' }) }), NICK_AREA, isBlue)!;
  const centre = inkBox(await pixels({ template: nicknameOnly({ align: 'center' }) }), NICK_AREA, isBlue)!;
  const right = inkBox(await pixels({ template: nicknameOnly({ align: 'right' }) }), NICK_AREA, isBlue)!;
  assert.ok(left.minX >= 100 && left.minX <= 108, `left starts at the box: ${left.minX}`);
  assert.ok(Math.abs((centre.minX + centre.maxX) / 2 - 350) <= 4, `centred: ${centre.minX}-${centre.maxX}`);
  assert.ok(right.maxX <= 600 && right.maxX >= 592, `right ends at the box: ${right.maxX}`);
  for (const ink of [left, centre, right]) assert.ok(ink.minY >= 300 && ink.maxY <= 356, 'inside the box vertically');
  const red = inkBox(await pixels({ template: nicknameOnly({ color: '#e02020' }) }), NICK_AREA, (c) => near(c, RED, 120));
  assert.ok(red && red.count > 200);
  assert.equal(inkBox(await pixels({ template: nicknameOnly({ color: '#e02020' }) }), NICK_AREA, isBlue), null);
});

test('nickname font size and weight change the text', async () => {
  const small = inkBox(await pixels({ template: nicknameOnly({ fontSize: 30 }) }), NICK_AREA, isBlue)!;
  const large = inkBox(await pixels({ template: nicknameOnly({ fontSize: 60 }) }), NICK_AREA, isBlue)!;
  const ratio = (large.maxX - large.minX) / (small.maxX - small.minX);
  assert.ok(ratio > 1.8 && ratio < 2.2, `width ratio ${ratio}`);
  const regular = inkBox(await pixels({ template: nicknameOnly({ fontWeight: 'regular' }) }), NICK_AREA, isBlue)!;
  const bold = inkBox(await pixels({ template: nicknameOnly({ fontWeight: 'bold' }) }), NICK_AREA, isBlue)!;
  assert.ok(bold.count > regular.count * 1.2, `bold ${bold.count} vs regular ${regular.count}`);
  assert.equal(inkBox(await pixels({ template: nicknameOnly({ show: false }) }), NICK_AREA, isBlue), null);
});

test('emoji in a nickname are drawn in colour', async () => {
  const p = await pixels({ template: nicknameOnly({ color: '#000000' }), nickname: '😀😀😀' });
  // Noto's grinning face is yellow; tofu boxes or black glyphs would have none.
  const yellow = inkBox(p, NICK_AREA, ([r, g, b]) => r > 200 && g > 150 && b < 90);
  assert.ok(yellow && yellow.count > 500, `yellow pixels: ${yellow?.count}`);
});

test('hostile nicknames render as text, on one line, within the max width', async () => {
  const names = [
    '<script>alert(1)</script>',
    `"double" 'single' \`back\` & <b>bold</b> &amp;`,
    '😀👨‍👩‍👧🇨🇳👍🏽🏳️‍🌈',
    '长'.repeat(200),
    'W'.repeat(200),
    '小明\n\r\t第二行\u202e反向\u0000',
    `${'🎉'.repeat(100)}${'测'.repeat(100)}`,
  ];
  for (const align of ['left', 'center', 'right'] as const) {
    for (const nickname of names) {
      const p = await pixels({ template: nicknameOnly({ align, maxWidth: 300, x: 200 }), nickname });
      const ink = inkBox(p, NICK_AREA, (c) => !near(c, WHITE, 60));
      assert.ok(ink, `${nickname}: something drawn`);
      assert.ok(ink.minX >= 200 && ink.maxX < 500, `${align} ${nickname.slice(0, 20)}: ink ${ink.minX}-${ink.maxX} outside 200-500`);
      assert.ok(ink.minY >= 296 && ink.maxY <= 360, `${nickname.slice(0, 20)}: one line (${ink.minY}-${ink.maxY})`);
      if (nickname.length >= 200) assert.ok(ink.maxX - ink.minX > 240, 'a long name fills the box up to its ellipsis');
    }
  }
});

test('bad input is refused before rendering, naming the field', async () => {
  const fields = async (over: Partial<PosterRenderInput>) => {
    try {
      await renderer.render(input(over));
    } catch (e) {
      assert.ok(e instanceof AppError && e.code === 'validation_failed', String(e));
      return (e.fields ?? []).map((f) => f.path);
    }
    assert.fail('expected a validation error');
  };
  assert.deepEqual(await fields({ template: template((t) => (t.nickname.color = 'red')) }), ['nickname.color']);
  assert.deepEqual(await fields({ background: null }), ['background']);
  assert.deepEqual(await fields({ background: { id: 'another', bytes: background } }), ['background']);
  assert.deepEqual(await fields({ helpUrl: 'javascript:alert(1)' }), ['helpUrl']);
  assert.deepEqual(await fields({ helpUrl: `https://e.com/${'a'.repeat(600)}` }), ['helpUrl']);
});

test('a full queue is refused as unavailable rather than queued without bound', async () => {
  const small = createPosterRenderer({ threads: 1, maxQueue: 1 });
  try {
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => small.render(input())));
    const refused = results.filter((r) => r.status === 'rejected');
    assert.ok(refused.length >= 1 && refused.length <= 4, `refused ${refused.length}`);
    for (const r of refused) assert.equal(((r as PromiseRejectedResult).reason as AppError).code, 'unavailable');
    assert.ok(results.some((r) => r.status === 'fulfilled'));
  } finally {
    await small.close();
  }
});
