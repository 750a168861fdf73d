import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, ConfigError, describeConfig } from './config.ts';

test('defaults give an embedded, sandboxed setup', () => {
  const c = loadConfig({});
  assert.equal(c.databaseUrl, undefined);
  assert.equal(c.port, 3000);
  assert.equal(c.sandbox, 'on');
  assert.equal(c.publicUrl, 'http://localhost:3000');
  assert.ok(c.dataDir.endsWith('/data'));
});

test('flags override the environment', () => {
  const c = loadConfig({ PORT: '4000' }, { port: '5000', data: '/tmp/x' });
  assert.equal(c.port, 5000);
  assert.equal(c.dataDir, '/tmp/x');
});

test('an invalid value names its variable', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message));
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), (e: unknown) => e instanceof ConfigError && /DATABASE_URL/.test(e.message));
  assert.throws(() => loadConfig({ FISSION_ADMIN_PASSWORD: 'short' }), (e: unknown) => e instanceof ConfigError && /FISSION_ADMIN_PASSWORD/.test(e.message));
  assert.throws(() => loadConfig({ FISSION_SANDBOX: 'maybe', LOG_LEVEL: 'loud' }), (e: unknown) => e instanceof ConfigError && /FISSION_SANDBOX/.test(e.message) && /LOG_LEVEL/.test(e.message));
});

test('secrets are masked when described', () => {
  const d = describeConfig(loadConfig({ DATABASE_URL: 'postgres://u:secret@h/db', FISSION_ADMIN_PASSWORD: 'supersecret' }));
  assert.doesNotMatch(JSON.stringify(d), /secret@|supersecret/);
});
