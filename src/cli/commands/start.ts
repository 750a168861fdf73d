import { boot, listen, onShutdown } from '../boot.ts';
import { describeConfig } from '../../config.ts';
import { buildApp } from '../../http/app.ts';
import { ensureWebAppsBuilt } from '../../http/ensure-web-built.ts';
import { JobQueue } from '../../jobs/queue.ts';
import { ALL_QUEUES, startWorkers } from '../../jobs/registry.ts';
import { ensureDemoWorkspace } from '../../modules/workspace/ensure-demo-workspace.ts';
import type { ConfigFlags } from '../../config.ts';
import { seedDemo } from '../demo-seed.ts';
import { createEmbeddedSandbox, linkDemoWorkspace, SANDBOX_PREFIX } from '../sandbox-wiring.ts';

// The emulated WeChat's own traffic (token requests, phone polling every 2 s) would bury the
// service's log lines, and its URLs carry sandbox access tokens: only its warnings and errors show.
const SANDBOX_LOG_LEVEL = 'warn' as const;

/** `fission start`: migrate, seed the demo on first run, then HTTP + workers (+ sandbox) in one process. */
export async function runStart(flags: ConfigFlags): Promise<void> {
  const { config, db } = await boot(flags, { schema: 'migrate' });
  const seed = await ensureDemoWorkspace(db, { email: config.adminEmail, password: config.adminPassword });
  const jobs = await JobQueue.start(db, { supervise: true, queues: ALL_QUEUES, monitorIntervalSeconds: config.jobMonitorSeconds });
  await ensureWebAppsBuilt((line) => console.log(line));
  const sandbox = config.sandbox === 'on' ? createEmbeddedSandbox(config) : undefined;
  const app = await buildApp({ config, db, jobs, plugins: sandbox ? [{ plugin: sandbox.plugin, prefix: SANDBOX_PREFIX, logLevel: SANDBOX_LOG_LEVEL }] : [] });
  await startWorkers({ db, config, jobs });
  const port = await listen(app, config);
  // After listening: the demo's WeChat calls reach the sandbox over HTTP, at the bound port.
  if (sandbox) await linkDemoWorkspace(app, db, config);
  const demoCampaign = sandbox ? await seedDemo(db, config, jobs) : null;
  onShutdown([() => app.close(), () => jobs.stop(), async () => sandbox?.close(), () => db.close()]);

  const base = config.publicUrl;
  console.log(`\nFission is running (Node ${process.version}), listening on ${config.host}:${port}.`);
  console.log('Configuration:', JSON.stringify(describeConfig(config), null, 2));
  console.log(`  admin console   ${base}/admin`);
  console.log(`  H5 base         ${base}/h5`);
  console.log(`  WeCom callback  ${base}/callback/wecom/<workspace>   (demo: ${base}/callback/wecom/demo)`);
  console.log(`  OA callback     ${base}/callback/oa/<workspace>      (demo: ${base}/callback/oa/demo)`);
  if (sandbox) console.log(`  WeChat sandbox  ${config.sandboxUrl}   (phone ${config.sandboxUrl}/phone, credentials ${config.sandboxUrl}/sandbox-api/credentials)`);
  console.log(`  health          ${base}/healthz   metrics ${base}/metrics   OpenAPI ${base}/api/openapi.json`);
  if (demoCampaign) console.log(`\nPublished the demo campaign #${demoCampaign}: open the phone page, pick a person, scan its activity code.`);
  if (seed.created) {
    console.log(`\nCreated the demo workspace and its owner account:\n  email    ${seed.email}`);
    console.log(seed.generatedPassword ? `  password ${seed.generatedPassword}   (shown once; set FISSION_ADMIN_PASSWORD to choose it)` : '  password (from FISSION_ADMIN_PASSWORD)');
  }
}
