// How much JavaScript a phone downloads on its first visit to an H5 page, gzipped (the budget is
// 150 KB on 4G). Read from the build's manifest: the entry chunk and everything it imports
// statically, plus the heaviest page chunk (each page's code is loaded on demand; whichever page
// the link opens is the first one) with its own static imports. Called by the bench harness and
// `node src/http/h5-bundle-size.ts [distDir]`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { H5_DIST } from './ensure-web-built.ts';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface H5BundleSize {
  /** Gzipped bytes of JavaScript before the heaviest page can render. */
  firstLoadGzipBytes: number;
  /** The files counted in firstLoadGzipBytes, entry first. */
  files: Array<{ file: string; gzipBytes: number }>;
  /** Each page's own chunks on top of the entry, gzipped: the first load of a link to that page. */
  pages: Array<{ page: string; gzipBytes: number }>;
  /** Gzipped CSS of the first load (all pages share one stylesheet). */
  cssGzipBytes: number;
}

export function measureH5Bundle(distDir: string = H5_DIST): H5BundleSize {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const sizes = new Map<string, number>();
  const gz = (file: string) => {
    let n = sizes.get(file);
    if (n === undefined) sizes.set(file, (n = gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length));
    return n;
  };
  const closure = (key: string, into = new Set<string>()): Set<string> => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`the H5 build manifest names ${key} but has no entry for it`);
    if (!into.has(chunk.file)) {
      into.add(chunk.file);
      for (const k of chunk.imports ?? []) closure(k, into);
    }
    return into;
  };
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entryKey) throw new Error(`no entry chunk in ${join(distDir, '.vite', 'manifest.json')}`);
  const entryFiles = closure(entryKey);
  const sum = (files: Iterable<string>) => [...files].reduce((n, f) => n + gz(f), 0);

  const pages = (manifest[entryKey]!.dynamicImports ?? []).map((key) => {
    const own = [...closure(key)].filter((f) => !entryFiles.has(f));
    return { page: key.replace(/^.*\//, '').replace(/\.[jt]sx?$/, ''), files: own, gzipBytes: sum(own) };
  });
  const heaviest = pages.reduce<(typeof pages)[number] | null>((a, b) => (a && a.gzipBytes >= b.gzipBytes ? a : b), null);
  const counted = [...entryFiles, ...(heaviest?.files ?? [])];
  const css = new Set([...entryFiles].flatMap((f) => Object.values(manifest).find((c) => c.file === f)?.css ?? []));
  return {
    firstLoadGzipBytes: sum(counted),
    files: counted.map((file) => ({ file, gzipBytes: gz(file) })),
    pages: pages.map(({ page, gzipBytes }) => ({ page, gzipBytes })),
    cssGzipBytes: sum(css),
  };
}

if (import.meta.main) {
  const r = measureH5Bundle(process.argv[2] ?? H5_DIST);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`H5 first load: ${kb(r.firstLoadGzipBytes)} of gzipped JavaScript (budget 150 KB), CSS ${kb(r.cssGzipBytes)}`);
  for (const f of r.files) console.log(`  ${f.file.padEnd(40)} ${kb(f.gzipBytes)}`);
  console.log('Per page, on top of the entry:');
  for (const p of r.pages) console.log(`  ${p.page.padEnd(40)} ${kb(p.gzipBytes)}`);
}
