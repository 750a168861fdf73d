// The one configuration object, built once at boot from environment variables and CLI flags and
// validated. An invalid value exits the process with code 2 and a message naming the variable.
import { resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

// key → [environment variable, schema, description]. The README table mirrors this list.
const fields = {
  databaseUrl: ['DATABASE_URL', z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(), 'PostgreSQL server; unset = embedded PGlite in the data folder'],
  dataDir: ['FISSION_DATA_DIR', z.string().min(1).default('./data'), 'data folder: PGlite files, sandbox snapshot, poster cache (flag --data)'],
  host: ['HOST', z.string().min(1).default('127.0.0.1'), 'address the HTTP server binds (flag --host)'],
  port: ['PORT', z.coerce.number().int().min(0).max(65535).default(3000), 'HTTP port (flag --port)'],
  publicUrl: ['PUBLIC_URL', z.url({ protocol: /^https?$/ }).optional(), 'base URL WeChat and phones reach this server at; default http://localhost:PORT'],
  logLevel: ['LOG_LEVEL', z.enum(LOG_LEVELS).default('info'), 'pino log level'],
  adminEmail: ['FISSION_ADMIN_EMAIL', z.email().optional(), 'first owner account created on first start (default admin@fission.local)'],
  adminPassword: ['FISSION_ADMIN_PASSWORD', z.string().min(8, 'must be at least 8 characters').optional(), 'its password (default: generated and printed once)'],
  sandbox: ['FISSION_SANDBOX', z.enum(['on', 'off']).default('on'), 'mount the WeChat sandbox at /sandbox in `fission start`'],
  sandboxUrl: ['FISSION_SANDBOX_URL', z.url({ protocol: /^https?$/ }).optional(), 'where workspaces marked "use sandbox" reach the sandbox; default PUBLIC_URL/sandbox (the one `start` mounts)'],
  workerConcurrency: ['FISSION_WORKER_CONCURRENCY', z.coerce.number().int().min(1).max(256).default(8), 'jobs a worker process runs at once per queue'],
  jobMonitorSeconds: ['FISSION_JOB_MONITOR_SECONDS', z.coerce.number().int().min(1).max(3600).default(60), 'how often workers look for jobs whose worker died (their run expired) to retry them'],
  sessionTtlHours: ['FISSION_SESSION_TTL_HOURS', z.coerce.number().int().min(1).max(24 * 90).default(24 * 7), 'admin session lifetime'],
  callbackMaxSkewSeconds: ['FISSION_CALLBACK_MAX_SKEW_SECONDS', z.coerce.number().int().min(1).max(86_400).default(300), 'WeChat callbacks whose timestamp is further than this from now are refused (replay guard)'],
} as const;

type Fields = typeof fields;
export type Config = { -readonly [K in keyof Fields]: z.output<Fields[K][1]> } & { publicUrl: string; sandboxUrl: string };

export const CONFIG_DOC: ReadonlyArray<{ env: string; description: string; default: string | undefined }> = Object.values(fields).map(([env, schema, description]) => {
  const unset = (schema as z.ZodType).safeParse(undefined);
  return { env, description, default: unset.success && unset.data !== undefined ? String(unset.data) : undefined };
});

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface ConfigFlags {
  data?: string | undefined;
  port?: string | number | undefined;
  host?: string | undefined;
}

/** Builds and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, flags: ConfigFlags = {}): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, [name]] of Object.entries(fields)) {
    const v = env[name];
    raw[key] = v === undefined || v === '' ? undefined : v;
  }
  if (flags.data !== undefined) raw.dataDir = flags.data;
  if (flags.port !== undefined) raw.port = flags.port;
  if (flags.host !== undefined) raw.host = flags.host;

  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, [name, schema]] of Object.entries(fields)) {
    const r = (schema as z.ZodType).safeParse(raw[key]);
    if (r.success) out[key] = r.data;
    else problems.push(`${name}: ${r.error.issues.map((i) => i.message).join('; ')} (got ${JSON.stringify(raw[key])})`);
  }
  if (problems.length) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  const cfg = out as Config;
  cfg.dataDir = resolve(cfg.dataDir);
  cfg.publicUrl = (cfg.publicUrl ?? `http://localhost:${cfg.port}`).replace(/\/+$/, '');
  cfg.sandboxUrl = (cfg.sandboxUrl ?? `${cfg.publicUrl}/sandbox`).replace(/\/+$/, '');
  return cfg;
}

/** The configuration as printed at start: secrets masked. */
export function describeConfig(cfg: Config): Record<string, unknown> {
  const masked: Record<string, unknown> = { ...cfg };
  if (cfg.databaseUrl) {
    const u = new URL(cfg.databaseUrl);
    if (u.password) u.password = '****';
    masked.databaseUrl = u.toString();
  } else masked.databaseUrl = `(embedded PGlite in ${cfg.dataDir}/pglite)`;
  if (cfg.adminPassword) masked.adminPassword = '****';
  return masked;
}
