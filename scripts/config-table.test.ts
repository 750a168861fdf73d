import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CONFIG_DOC } from '../src/config.ts';
import { configTable, tableIn, withTable, README, BEGIN, END } from './config-table.ts';

test('the table has one row per variable, pipes escaped', () => {
  const t = configTable([{ env: 'A_B', description: 'x | y', default: '3' }, { env: 'C', description: 'z', default: undefined }]);
  assert.equal(t, '| Variable | Default | What it sets |\n| --- | --- | --- |\n| `A_B` | `3` | x \\| y |\n| `C` |  | z |');
  assert.equal(configTable().split('\n').length, CONFIG_DOC.length + 2);
});

test('withTable replaces only the section between the markers', () => {
  const doc = `# T\n${BEGIN}\nold\n${END}\nafter\n`;
  assert.equal(withTable(doc, 'new'), `# T\n${BEGIN}\nnew\n${END}\nafter\n`);
  assert.throws(() => withTable('# no markers'), /no <!-- config-table/);
});

test('README.md documents every configuration variable exactly as src/config.ts does', () => {
  const table = tableIn(readFileSync(README, 'utf8'));
  assert.ok(table, 'README.md has the config-table section');
  assert.equal(table, configTable(), 'README table is out of date: run `node scripts/config-table.ts --write`');
});
