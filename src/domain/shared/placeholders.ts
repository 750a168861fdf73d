// `{name}` placeholders in operator-written texts (welcome messages, invitations). Rendering is a
// single pass: a value that itself contains `{link}` is inserted literally, never expanded again.

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Replaces each known placeholder with its value (missing value → empty string). Unknown
 * placeholders and any other braces are left exactly as written.
 */
export function renderPlaceholders(
  template: string,
  known: readonly string[],
  values: Readonly<Partial<Record<string, string>>>,
): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!known.includes(name)) return whole;
    return Object.hasOwn(values, name) ? (values[name] ?? '') : '';
  });
}

/** Placeholder names in `template` that are not in `known`, each once, in order of appearance. */
export function unknownPlaceholders(template: string, known: readonly string[]): string[] {
  const found = new Set<string>();
  for (const m of template.matchAll(PLACEHOLDER)) {
    const name = m[1] as string;
    if (!known.includes(name)) found.add(name);
  }
  return [...found];
}
