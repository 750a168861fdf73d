// The live sandbox state plus what every handler needs with it: clock, limits, public URL, and a
// debounced snapshot writer. Handlers mutate `data` synchronously and call `changed()`.
import type { SandboxClock } from '../clock.ts';
import type { SandboxLimits } from '../limits.ts';
import { createMediaBlobs } from './media-blobs.ts';
import type { MediaBlobs } from './media-blobs.ts';
import type { SandboxData } from './model.ts';
import { readSnapshot, snapshotPath, writeSnapshot } from './snapshot.ts';

export interface SandboxStore {
  data: SandboxData;
  clock: SandboxClock;
  limits: SandboxLimits;
  media: MediaBlobs;
  /** Base URL of the sandbox root as seen by clients (no trailing slash). */
  publicUrl(): string;
  nowSec(): number;
  /** Next value of the readable-id counter. */
  nextSeq(): number;
  advanceClock(ms: number): void;
  /** Marks the state dirty; the snapshot is written after a short quiet period. */
  changed(): void;
  /** Writes the snapshot now if anything changed. */
  flush(): void;
  close(): void;
}

export interface StoreOptions {
  dataDir?: string;
  clock: SandboxClock;
  limits: SandboxLimits;
  publicUrl: string | (() => string);
  /** Called for a fresh state (no snapshot): provisions the demo corp. */
  seed: (store: SandboxStore) => void;
  /** Called after loading a snapshot that predates some hosts, with the parts it lacked (now empty). */
  upgrade?: (store: SandboxStore, added: string[]) => void;
  debounceMs?: number;
}

export function emptyData(): SandboxData {
  return { version: 1, clockOffsetMs: 0, seq: 0, corps: {}, people: {}, tokens: {}, qrCodes: {}, oas: {}, oaTokens: {}, oauthCodes: {}, snsTokens: {}, merchants: {} };
}

/** Parts of the state that snapshots written before the OA and Pay hosts existed lack. */
const ADDED_LATER = ['oas', 'oaTokens', 'oauthCodes', 'snsTokens', 'merchants'] as const;

export function createStore(opts: StoreOptions): SandboxStore {
  const file = opts.dataDir ? snapshotPath(opts.dataDir) : null;
  const loaded = file ? readSnapshot(file) : null;
  const data = loaded ?? emptyData();
  const added = loaded ? ADDED_LATER.filter((k) => data[k] === undefined) : [];
  for (const k of added) data[k] = {};
  if (loaded?.clockOffsetMs) opts.clock.advance(Math.max(0, loaded.clockOffsetMs - opts.clock.offset()));
  let dirty = false;
  let timer: NodeJS.Timeout | null = null;
  const publicUrl = typeof opts.publicUrl === 'function' ? opts.publicUrl : () => opts.publicUrl as string;

  const store: SandboxStore = {
    data,
    clock: opts.clock,
    limits: opts.limits,
    media: createMediaBlobs(opts.dataDir),
    publicUrl: () => publicUrl().replace(/\/+$/, ''),
    nowSec: () => Math.floor(opts.clock.now() / 1000),
    nextSeq: () => ++data.seq,
    advanceClock(ms) {
      opts.clock.advance(ms);
      data.clockOffsetMs = opts.clock.offset();
      store.changed();
    },
    changed() {
      if (!file) return;
      dirty = true;
      if (!timer) {
        timer = setTimeout(() => {
          timer = null;
          store.flush();
        }, opts.debounceMs ?? 200);
        timer.unref();
      }
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      if (!file || !dirty) return;
      dirty = false;
      writeSnapshot(file, data);
    },
    close() {
      store.flush();
    },
  };
  if (!loaded) {
    opts.seed(store);
    store.changed();
  } else if (added.length) {
    opts.upgrade?.(store, added);
    store.changed();
  }
  return store;
}
