// H5 first-load JavaScript, gzipped: the H5 area's measureH5Bundle on a build made (or found up
// to date) by ensureH5Built, as `fission start` would serve it.
import { ensureH5Built } from '../http/ensure-web-built.ts';
import { measureH5Bundle } from '../http/h5-bundle-size.ts';

export interface H5Result {
  firstLoadGzipKb: number;
  cssGzipKb: number;
  files: Array<{ file: string; gzipKb: number }>;
  pages: Array<{ page: string; gzipKb: number }>;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export async function benchH5Bundle(log: (line: string) => void): Promise<H5Result> {
  log('h5: building the H5 pages if needed');
  await ensureH5Built(log);
  const r = measureH5Bundle();
  return {
    firstLoadGzipKb: kb(r.firstLoadGzipBytes), cssGzipKb: kb(r.cssGzipBytes),
    files: r.files.map((f) => ({ file: f.file, gzipKb: kb(f.gzipBytes) })),
    pages: r.pages.map((p) => ({ page: p.page, gzipKb: kb(p.gzipBytes) })),
  };
}
