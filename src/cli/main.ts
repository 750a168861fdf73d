// The `fission` command: one codebase, three roles (HTTP, job workers, WeChat sandbox) that run
// together (`start`) or apart (`serve`, `work`) against one database.
import { Command, Option } from 'commander';
import { ConfigError } from '../config.ts';
import { runStart } from './commands/start.ts';
import { runServe } from './commands/serve.ts';
import { runWork } from './commands/work.ts';
import { runMigrate } from './commands/migrate.ts';
import { runSandbox } from './commands/sandbox.ts';
import { benchCommand } from './commands/bench.ts';
import { simulateCommand } from './commands/simulate.ts';

const program = new Command('fission')
  .description('Fission: viral referral campaigns for WeCom and WeChat Official Accounts')
  .showHelpAfterError();

const common = (c: Command) =>
  c.addOption(new Option('--data <dir>', 'data folder (PGlite, sandbox snapshot, poster cache)').env('FISSION_DATA_DIR'))
    .addOption(new Option('--port <port>', 'HTTP port').env('PORT'))
    .addOption(new Option('--host <host>', 'address to bind').env('HOST'));

common(program.command('start').description('HTTP server + job workers + WeChat sandbox in one process (the default way to run)')).action(runStart);
common(program.command('serve').description('HTTP server only (PostgreSQL; run `fission work` beside it)')).action(runServe);
common(program.command('work').description('job workers only (PostgreSQL)')).action(runWork);
common(program.command('sandbox').description('the WeChat sandbox alone: WeCom/OA/Pay emulator, phone page, provisioning API')).action(runSandbox);
common(program.command('migrate').description('apply pending database migrations and exit')).action(runMigrate);

simulateCommand(program);
benchCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
}
