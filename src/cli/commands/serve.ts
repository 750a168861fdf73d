import { boot, listen, onShutdown } from '../boot.ts';
import { buildApp } from '../../http/app.ts';
import { ensureWebAppsBuilt } from '../../http/ensure-web-built.ts';
import { JobQueue } from '../../jobs/queue.ts';
import { ALL_QUEUES } from '../../jobs/registry.ts';
import type { ConfigFlags } from '../../config.ts';

/** `fission serve`: HTTP only; jobs it enqueues are run by `fission work` processes. */
export async function runServe(flags: ConfigFlags): Promise<void> {
  const { config, db } = await boot(flags, { schema: 'require', needsServer: 'serve' });
  const jobs = await JobQueue.start(db, { supervise: false, queues: ALL_QUEUES });
  await ensureWebAppsBuilt((line) => console.log(line));
  const app = await buildApp({ config, db, jobs });
  const port = await listen(app, config);
  onShutdown([() => app.close(), () => jobs.stop(), () => db.close()]);
  console.log(`fission serve: pid ${process.pid} listening on ${config.host}:${port} (public URL ${config.publicUrl})`);
}
