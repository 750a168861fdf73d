// What the sandbox's route handlers share.
import type { Dispatcher } from './callbacks/dispatcher.ts';
import type { SandboxStore } from './store/store.ts';
import type { RateLimiter } from './wecom/rate-limit.ts';

export interface SandboxDeps {
  store: SandboxStore;
  dispatcher: Dispatcher;
  limiter: RateLimiter;
}
