import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, engines } from '../helpers/db.ts';
import { migrate, listMigrations, pendingMigrations } from '../../src/db/migrate.ts';
import { openDb } from '../../src/db/client.ts';

for (const engine of engines()) {
  test(`migrations apply once and report nothing pending [${engine}]`, async () => {
    const t = await createTestDatabase(engine, { migrate: false });
    try {
      assert.equal((await pendingMigrations(t.db)).length, listMigrations().length);
      const applied = await migrate(t.db);
      assert.equal(applied.length, listMigrations().length);
      assert.deepEqual(await pendingMigrations(t.db), []);
      assert.deepEqual(await migrate(t.db), []);
    } finally {
      await t.dispose();
    }
  });
}

if (engines().includes('postgres')) {
  test('two processes migrating at once serialise and apply each migration once [postgres]', async () => {
    const t = await createTestDatabase('postgres', { migrate: false });
    const a = await openDb({ url: t.url });
    const b = await openDb({ url: t.url });
    try {
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      assert.equal(ra.length + rb.length, listMigrations().length, 'each migration applied exactly once');
      const rows = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      assert.equal(rows.rows[0]?.n, listMigrations().length);
    } finally {
      await a.close();
      await b.close();
      await t.dispose();
    }
  });
}
