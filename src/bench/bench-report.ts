// The one object `fission bench --json` prints, and what each metric contributes to it.
import type { CallbackIngestionResult } from './callback-ingestion.ts';
import type { DashboardResult } from './dashboard-stats.ts';
import type { Engine } from './fresh-database.ts';
import type { H5Result } from './h5-bundle.ts';
import type { PosterResult } from './posters.ts';

export const METRICS = ['ingestion', 'help', 'welcome', 'posters', 'dashboard', 'h5'] as const;
export type MetricName = (typeof METRICS)[number];

export interface BenchSizes {
  /** Callback arrival rate and length of each open-loop run. */
  rate: number;
  seconds: number;
  capacityRequests: number;
  capacityClients: number;
  posterRenders: number;
  posterRounds: number;
  statsParticipants: number;
  statsHelps: number;
  statsRuns: number;
}

export interface NotAvailable {
  available: false;
  reason: string;
}

export interface GoalResult {
  goal: string;
  engine?: Engine;
  /** The measured value, with its unit. */
  value: string;
  /** null when it could not be measured. */
  met: boolean | null;
}

export interface BenchReport {
  quick: boolean;
  startedAt: string;
  wallSeconds: number;
  machine: { cpus: number; model: string; node: string; memoryGb: number; loadAverage: { start: number[]; end: number[] } };
  engines: Engine[];
  sizes: BenchSizes;
  metrics: MetricName[];
  ingestion: CallbackIngestionResult[];
  helpProcessing: NotAvailable | null;
  welcome: NotAvailable | null;
  posters: PosterResult | null;
  dashboard: DashboardResult[];
  h5: H5Result | null;
  goals: GoalResult[];
}
