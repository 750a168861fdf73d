// The one object `fission bench --json` prints, and what each metric contributes to it.
import type { CallbackIngestionResult } from './callback-ingestion.ts';
import type { DashboardResult } from './dashboard-stats.ts';
import type { Engine } from './fresh-database.ts';
import type { H5Result } from './h5-bundle.ts';
import type { PosterResult } from './posters.ts';
import type { HelpProcessingResult } from './help-processing.ts';
import type { WelcomeLatencyResult } from './welcome-latency.ts';

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
  /** Timed runs of each participant-search fragment on the dashboard campaign. */
  searchRuns: number;
  /** Helps processed per engine, spread over this many inviters. */
  helps: number;
  helpInviters: number;
  /** Adds in the welcome-latency burst. */
  welcomeAdds: number;
  /** Jobs a worker runs at once per queue (FISSION_WORKER_CONCURRENCY). */
  workerConcurrency: number;
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
  helpProcessing: HelpProcessingResult[];
  welcome: WelcomeLatencyResult[];
  posters: PosterResult | null;
  dashboard: DashboardResult[];
  h5: H5Result | null;
  goals: GoalResult[];
}
