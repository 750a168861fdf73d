// Numbers for dashboards and tables, in the operator's language.
import i18n from '../i18n/index.ts';

export const formatInt = (n: number | null | undefined): string => (n === null || n === undefined ? '–' : n.toLocaleString(i18n.language));

/** A fraction as a percentage with one decimal; `–` when there is nothing to divide by. */
export const formatRate = (r: number | null | undefined): string => (r === null || r === undefined ? '–' : `${(r * 100).toFixed(1)}%`);

/** UTF-8 byte length (WeCom limits texts in bytes, so 1 汉字 = 3). */
export const utf8Bytes = (s: string): number => new TextEncoder().encode(s).length;
