import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { fieldErrorsFromZod, fieldPath } from './zod-field-errors.ts';

describe('fieldErrorsFromZod', () => {
  it('joins nested paths with dots', () => {
    const r = z.object({ a: z.object({ b: z.array(z.string()) }) }).safeParse({ a: { b: ['x', 1] } });
    assert.equal(r.success, false);
    const errors = fieldErrorsFromZod(r.error!);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.path, 'a.b.1');
  });

  it('names each unrecognized key as its own field', () => {
    const r = z.strictObject({ a: z.object({}).strict() }).safeParse({ a: { x: 1, y: 2 } });
    assert.deepEqual(fieldErrorsFromZod(r.error!), [
      { path: 'a.x', message: 'unknown field' },
      { path: 'a.y', message: 'unknown field' },
    ]);
  });

  it('uses an empty path for whole-object errors', () => {
    const r = z.object({}).safeParse(null);
    assert.equal(fieldErrorsFromZod(r.error!)[0]?.path, '');
    assert.equal(fieldPath([]), '');
  });
});
