// Turns zod issues into the service's FieldError list: one entry per offending field, dotted path.
import type { z } from 'zod';
import type { FieldError } from '../../errors.ts';

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // Name each unexpected key as the field, so a typo like `helpPerHelper` is pointed at.
      for (const key of issue.keys) out.push({ path: fieldPath([...issue.path, key]), message: 'unknown field' });
    } else {
      out.push({ path: fieldPath(issue.path), message: issue.message });
    }
  }
  return out;
}
