import { boot, onShutdown } from '../boot.ts';
import { JobQueue } from '../../jobs/queue.ts';
import { ALL_QUEUES, startWorkers } from '../../jobs/registry.ts';
import type { ConfigFlags } from '../../config.ts';

/** `fission work`: job workers only. Run as many as needed against one PostgreSQL database. */
export async function runWork(flags: ConfigFlags): Promise<void> {
  const { config, db } = await boot(flags, { schema: 'require', needsServer: 'work' });
  const jobs = await JobQueue.start(db, { supervise: true, queues: ALL_QUEUES, monitorIntervalSeconds: config.jobMonitorSeconds });
  await startWorkers({ db, config, jobs });
  onShutdown([() => jobs.stop(), () => db.close()]);
  console.log(`fission work: pid ${process.pid} running ${ALL_QUEUES.length} queue(s), concurrency ${config.workerConcurrency}`);
}
