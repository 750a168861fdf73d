import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describeEachEngine } from '../helpers/db.ts';
import { AppError } from '../../src/errors.ts';
import { saveBackground } from '../../src/modules/poster/save-background.ts';
import { getBackground } from '../../src/modules/poster/get-background.ts';
import { bombHeader, solidImage } from '../../src/modules/poster/testing.ts';

describeEachEngine('poster backgrounds', (ctx) => {
  let ws: string;
  let other: string;
  before(async () => {
    const r = await ctx().db.query<{ id: string }>(`INSERT INTO workspaces (slug, name) VALUES ('poster-a', 'A'), ('poster-b', 'B') RETURNING id`);
    [ws, other] = r.rows.map((row) => row.id) as [string, string];
  });

  const count = async () => (await ctx().db.query<{ n: number }>('SELECT count(*)::int AS n FROM poster_backgrounds')).rows[0]!.n;

  test('an accepted background is stored and read back byte for byte', async () => {
    const bytes = solidImage(750, 1334, '#ff8800', 'jpeg');
    const info = await saveBackground(ctx().db, ws, bytes);
    assert.equal(info.workspaceId, ws);
    assert.deepEqual([info.mime, info.width, info.height, info.byteSize], ['image/jpeg', 750, 1334, bytes.length]);
    assert.equal(info.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.ok(info.createdAt instanceof Date);
    const got = await getBackground(ctx().db, ws, info.id);
    assert.ok(Buffer.isBuffer(got.bytes) && got.bytes.equals(bytes));
    assert.deepEqual({ ...got, bytes: undefined }, { ...info, bytes: undefined });
  });

  test('PNG and BMP are stored with their type; the same file twice is stored once', async () => {
    const png = await saveBackground(ctx().db, ws, solidImage(600, 900, '#123456', 'png'));
    const bmp = await saveBackground(ctx().db, ws, solidImage(300, 500, '#123456', 'bmp'));
    assert.deepEqual([png.mime, bmp.mime, bmp.width, bmp.height], ['image/png', 'image/bmp', 300, 500]);
    const again = await saveBackground(ctx().db, ws, solidImage(600, 900, '#123456', 'png'));
    assert.equal(again.id, png.id);
    const elsewhere = await saveBackground(ctx().db, other, solidImage(600, 900, '#123456', 'png'));
    assert.notEqual(elsewhere.id, png.id, 'each workspace has its own copy');
  });

  test('rejected uploads store nothing', async () => {
    const before = await count();
    const bad = [Buffer.from('GIF89a...'), Buffer.alloc(3 * 1024 * 1024), bombHeader('png', 20000, 20000), bombHeader('jpeg', 750, 1334)];
    for (const bytes of bad) await assert.rejects(saveBackground(ctx().db, ws, bytes), AppError);
    assert.equal(await count(), before);
  });

  test('a background is found only in its own workspace', async () => {
    const info = await saveBackground(ctx().db, ws, solidImage(400, 400, '#abcdef', 'png'));
    const isNotFound = (e: unknown) => e instanceof AppError && e.code === 'not_found';
    await assert.rejects(getBackground(ctx().db, other, info.id), isNotFound);
    await assert.rejects(getBackground(ctx().db, ws, '00000000-0000-4000-8000-000000000000'), isNotFound);
    await assert.rejects(getBackground(ctx().db, ws, 'not-a-uuid'), isNotFound);
  });

  test('an unknown workspace is not found', async () => {
    const isNotFound = (e: unknown) => e instanceof AppError && e.code === 'not_found' && /workspace/.test(e.message);
    await assert.rejects(saveBackground(ctx().db, '00000000-0000-4000-8000-000000000000', solidImage(400, 400, '#000000', 'png')), isNotFound);
    await assert.rejects(saveBackground(ctx().db, 'nope', solidImage(400, 400, '#000000', 'png')), isNotFound);
  });
});
