import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { loadConfig, type ConfigFlags } from '../../config.ts';
import { startSandboxServer } from '../../sandbox/server.ts';
import { onShutdown } from '../boot.ts';

/** `fission sandbox --port P`: the emulator on its own, with its demo corp; prints credentials. */
export async function runSandbox(flags: ConfigFlags): Promise<void> {
  const config = loadConfig(process.env, flags);
  const dataDir = join(config.dataDir, 'sandbox');
  mkdirSync(dataDir, { recursive: true });
  const server = await startSandboxServer({ host: config.host, port: config.port, dataDir, logger: config.logLevel !== 'silent' && config.logLevel !== 'info' });
  onShutdown([() => server.close()]);
  const creds = await (await fetch(`${server.url}/sandbox-api/credentials`)).json();
  console.log(`WeChat sandbox on ${server.url}`);
  console.log(`  WeCom API  ${server.url}/wecom   (stands for https://qyapi.weixin.qq.com)`);
  console.log(`  phone      ${server.url}/phone`);
  console.log(`  sandbox API ${server.url}/sandbox-api   (docs/sandbox.md)`);
  console.log('Provisioned apps and their credentials:');
  console.log(JSON.stringify(creds, null, 2));
}
