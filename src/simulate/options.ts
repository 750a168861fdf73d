// `fission simulate` options: the crowd, the faults, the campaign and where it runs. Every bad
// value is a ConfigError naming its flag (exit 2).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../config.ts';
import type { CampaignConfigInput } from '../domain/task-fission/campaign-config.ts';
import { parseDistribution, type Distribution } from './distribution.ts';
import { NOT_BUILT, SCENARIO_NAMES, type ScenarioName } from './scenarios.ts';

export interface CrowdOptions {
  participants: number;
  seeds: number;
  shares: Distribution;
  scanProbability: number;
  completeProbability: number;
  /** Chance a share is scanned by someone already in the crowd instead of a newcomer. */
  rescanProbability: number;
  churnProbability: number;
  /** Mean delay before a churning person deletes the staff member, seconds (uniform 0.5–1.5×). */
  churnDelaySeconds: number;
  concurrency: number;
  seed: number;
}

export interface FaultOptions {
  duplicateRate: number;
  reorderRate: number;
  lossRate: number;
}

export type TargetOptions =
  | { kind: 'embedded'; databaseUrl?: string | undefined; keep: boolean; workerConcurrency?: number | undefined }
  | { kind: 'remote'; url: string; email: string; password: string; workspace: string; databaseUrl?: string | undefined };

export interface SimulateOptions {
  scenario: ScenarioName;
  crowd: CrowdOptions;
  faults: FaultOptions;
  /** Settings of the campaign the scenario creates; startAt/endAt are filled in at the start. */
  campaign: Partial<CampaignConfigInput>;
  target: TargetOptions;
  timeoutSeconds: number;
  json: boolean;
}

const count = z.coerce.number().int().positive();
const chance = z.coerce.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const pgUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL');

const Flags = z.object({
  scenario: z.enum(SCENARIO_NAMES as unknown as [ScenarioName, ...ScenarioName[]], { message: `must be one of: ${SCENARIO_NAMES.join(', ')}` }).default('task-wecom'),
  participants: count.max(1_000_000).default(200),
  seeds: count.max(10_000).default(10),
  shares: z.string().default('poisson:4').transform((s, ctx) => {
    try {
      return parseDistribution(s);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
  }),
  scanProbability: chance.default(0.6),
  completeProbability: chance.default(0.7),
  rescanProbability: chance.default(0.05),
  churnProbability: chance.default(0.05),
  churnDelay: z.coerce.number().min(0).max(3600).default(10),
  duplicateRate: chance.default(0),
  reorderRate: chance.default(0),
  lossRate: chance.default(0),
  concurrency: count.max(1000).default(16),
  seed: z.coerce.number().int().min(0).max(2 ** 31 - 1).default(1),
  tiers: z.string().regex(/^\d+:\d+(,\d+:\d+){0,4}$/, 'must be TARGET:STOCK pairs, e.g. 3:1000,8:50').optional(),
  staff: z.string().regex(/^[A-Za-z0-9_@.-]+(,[A-Za-z0-9_@.-]+)*$/, 'must be comma-separated WeCom userids').optional(),
  churnPolicy: z.enum(['deduct', 'ignore'], { message: 'must be deduct or ignore' }).optional(),
  helpsPerHelper: count.max(100).optional(),
  campaignFile: z.string().optional(),
  timeout: count.default(1800),
  json: z.boolean().default(false),
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  databaseUrl: pgUrl.optional(),
  adminEmail: z.string().optional(),
  adminPassword: z.string().optional(),
  workspace: z.string().default('demo'),
  workerConcurrency: count.max(256).optional(),
  keepData: z.boolean().default(false),
});

const FLAG = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

export function parseSimulateFlags(raw: Record<string, unknown>): SimulateOptions {
  const r = Flags.safeParse(raw);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `${FLAG(String(i.path[0]))}: ${i.message} (got ${JSON.stringify(raw[String(i.path[0])])})`);
    throw new ConfigError(`fission simulate: invalid options:\n  ${lines.join('\n  ')}`);
  }
  const f = r.data;
  const notBuilt = NOT_BUILT[f.scenario];
  if (notBuilt) throw new ConfigError(`fission simulate: scenario ${f.scenario}: ${notBuilt}`);
  if (f.url && (!f.adminEmail || !f.adminPassword)) throw new ConfigError('fission simulate: --url needs --admin-email and --admin-password (or FISSION_ADMIN_EMAIL / FISSION_ADMIN_PASSWORD) to create the campaign through the admin API');
  if (f.seeds > f.participants) throw new ConfigError(`fission simulate: --seeds (${f.seeds}) may not exceed --participants (${f.participants})`);
  return {
    scenario: f.scenario,
    crowd: {
      participants: f.participants, seeds: f.seeds, shares: f.shares, scanProbability: f.scanProbability, completeProbability: f.completeProbability,
      rescanProbability: f.rescanProbability, churnProbability: f.churnProbability, churnDelaySeconds: f.churnDelay, concurrency: f.concurrency, seed: f.seed,
    },
    faults: { duplicateRate: f.duplicateRate, reorderRate: f.reorderRate, lossRate: f.lossRate },
    campaign: campaignSettings(f),
    target: f.url
      ? { kind: 'remote', url: f.url, email: f.adminEmail!, password: f.adminPassword!, workspace: f.workspace, databaseUrl: f.databaseUrl }
      : { kind: 'embedded', databaseUrl: f.databaseUrl, keep: f.keepData, workerConcurrency: f.workerConcurrency },
    timeoutSeconds: f.timeout,
    json: f.json,
  };
}

/** Defaults, then the JSON file, then the single-setting flags. */
function campaignSettings(f: z.output<typeof Flags>): Partial<CampaignConfigInput> {
  let file: Partial<CampaignConfigInput> = {};
  if (f.campaignFile) {
    try {
      file = JSON.parse(readFileSync(f.campaignFile, 'utf8')) as Partial<CampaignConfigInput>;
    } catch (err) {
      throw new ConfigError(`fission simulate: --campaign-file ${f.campaignFile}: ${(err as Error).message}`);
    }
    if (!file || typeof file !== 'object' || Array.isArray(file)) throw new ConfigError(`fission simulate: --campaign-file ${f.campaignFile} must hold a JSON object of campaign settings`);
  }
  const tiers = f.tiers?.split(',').map((pair, i) => {
    const [target, stock] = pair.split(':').map(Number);
    return { target: target!, stock: stock!, reward: { type: 'physical' as const, name: `第${i + 1}阶奖品` } };
  });
  const rules = { ...(file.rules ?? {}), ...(f.churnPolicy ? { churnPolicy: f.churnPolicy } : {}), ...(f.helpsPerHelper ? { helpsPerHelper: f.helpsPerHelper } : {}) };
  return {
    name: '模拟人群裂变',
    tiers: [
      { target: 3, reward: { type: 'physical', name: '保温杯' }, stock: 100_000 },
      { target: 8, reward: { type: 'physical', name: '蓝牙耳机' }, stock: 20 },
    ],
    ...file,
    ...(tiers ? { tiers } : {}),
    ...(f.staff ? { channel: { type: 'wecom', staffUserIds: f.staff.split(',') } } : {}),
    rules,
  };
}
