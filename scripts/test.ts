// `npm test`: unit tests beside the code (src/**/*.test.ts, scripts/**/*.test.ts) and integration/e2e tests (test/**).
// Suites that need something this machine lacks are not run, and each says so in one line; with
// CI=true nothing may be missing, so a missing prerequisite fails the run instead.
import { spawnSync } from 'node:child_process';
import { existsSync, globSync } from 'node:fs';
import { ensureWebAppsBuilt } from '../src/http/ensure-web-built.ts';

const ci = process.env.CI === 'true';
const args = process.argv.slice(2);
const missing: string[] = [];

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(chromium);
if (!process.env.TEST_DATABASE_URL) missing.push('PostgreSQL suites: TEST_DATABASE_URL is not set, so integration tests ran on PGlite only and the PostgreSQL-only ones were skipped (serve + two workers on one database: test/integration/multiprocess.test.ts; serve/work/migrate: cli.test.ts)');
if (!haveChromium) missing.push(`browser suites (test/e2e): no Chromium at ${chromium} (apt-get install -y chromium)`);

// The longest files start first, so that the two test slots finish at about the same time.
const LONGEST = ['test/integration/multiprocess.test.ts', 'test/integration/cli.test.ts'];
const rank = (f: string) => (LONGEST.includes(f) ? LONGEST.indexOf(f) : LONGEST.length);
let files = args.length
  ? args
  : [...globSync('src/**/*.test.ts'), ...globSync('scripts/**/*.test.ts'), ...globSync('web/*/src/**/*.test.ts'), ...globSync('test/**/*.test.ts')]
      .sort()
      .sort((a, b) => rank(a) - rank(b));
if (!haveChromium) files = files.filter((f) => !f.startsWith('test/e2e/'));

for (const line of missing) console.log(`not run: ${line}`);
if (ci && missing.length) {
  console.error('CI=true: every suite must run; install what is missing (see .ci/run).');
  process.exit(1);
}

// Build the browser apps once, here, so suites that start the server (which builds on demand) find
// them ready instead of racing to build them inside a test's time limit.
await ensureWebAppsBuilt((line) => console.log(line));

const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...files], { stdio: 'inherit', env: process.env });
for (const line of missing) console.log(`not run: ${line}`);
process.exit(r.status ?? 1);
