// WeChat's errcode of a connection check, in the operator's words: the ones gettoken and the OA
// token call answer for wrong or missing credentials, IP allow-lists and limits.
import type { ConnectionCheck } from '../../api/types.ts';

/** The i18n key under settings.test.errors for a failed check (with its errcode, if any). */
export function connectionErrorKey(c: ConnectionCheck): string {
  if (c.errcode === null) return 'unreachable';
  const product = c.check === 'oa' ? 'oa' : 'wecom';
  const known: Record<'wecom' | 'oa', number[]> = {
    wecom: [-1, 40001, 40013, 41002, 41004, 42001, 45009, 60020],
    oa: [-1, 40001, 40002, 40013, 40125, 40164, 41002, 41004, 45009, 89503],
  };
  return known[product].includes(c.errcode) ? `${product}.${c.errcode === -1 ? 'busy' : c.errcode}` : 'other';
}
