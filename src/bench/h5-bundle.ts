// H5 first-load JavaScript, gzipped: measured by the H5 area's measureH5Bundle on a fresh build.
// Until that module is on this branch the figure is reported as not available.
export type H5Result =
  | { available: true; firstLoadGzipKb: number; cssGzipKb: number; files: Array<{ file: string; gzipKb: number }> }
  | { available: false; reason: string };

interface H5Modules {
  measure: { measureH5Bundle(): { firstLoadGzipBytes: number; cssGzipBytes: number; files: Array<{ file: string; gzipBytes: number }> } };
  build: { ensureH5Built(log?: (line: string) => void): Promise<unknown> };
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export async function benchH5Bundle(log: (line: string) => void): Promise<H5Result> {
  let mods: H5Modules;
  try {
    // Paths in variables: these modules belong to the H5 area and may not exist yet.
    const measurePath = '../http/h5-bundle-size.ts';
    const buildPath = '../http/ensure-web-built.ts';
    mods = { measure: await import(measurePath), build: await import(buildPath) };
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') return { available: false, reason: 'the H5 pages and measureH5Bundle are not built on this branch yet' };
    throw err;
  }
  log('h5: building the H5 pages if needed');
  await mods.build.ensureH5Built(log);
  const r = mods.measure.measureH5Bundle();
  return { available: true, firstLoadGzipKb: kb(r.firstLoadGzipBytes), cssGzipKb: kb(r.cssGzipBytes), files: r.files.map((f) => ({ file: f.file, gzipKb: kb(f.gzipBytes) })) };
}
