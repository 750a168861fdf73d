// The registry other modules plug their callback handling into, by source and event type, e.g.
//   registerInboxHandler('wecom', 'change_external_contact', handleContactChange)
// Several handlers may share an event type: all run, in registration order. A handler returns
// nothing (processed) or an outcome; it throws to fail the row (the job then retries). Delivery
// is at-least-once, so handlers must be idempotent.
import type { InboxDeps, InboxItem, InboxSource } from './inbox-item.ts';

export type InboxOutcome = { status: 'processed'; reason?: string } | { status: 'ignored'; reason: string };
export type InboxHandler<S extends InboxSource = InboxSource> = (item: InboxItem<S>, deps: InboxDeps) => Promise<InboxOutcome | void>;

const registry = new Map<string, InboxHandler<any>[]>();
const keyOf = (source: InboxSource, eventType: string) => `${source}:${eventType.toLowerCase()}`;

/** Registers `handler` for one event type (case-insensitive); returns a function that removes it. */
export function registerInboxHandler<S extends InboxSource>(source: S, eventType: string, handler: InboxHandler<S>): () => void {
  const key = keyOf(source, eventType);
  const list = registry.get(key) ?? [];
  if (list.includes(handler)) throw new Error(`inbox handler already registered for ${key}`);
  registry.set(key, [...list, handler]);
  return () => {
    const now = (registry.get(key) ?? []).filter((h) => h !== handler);
    if (now.length) registry.set(key, now);
    else registry.delete(key);
  };
}

export function inboxHandlersFor<S extends InboxSource>(source: S, eventType: string): ReadonlyArray<InboxHandler<S>> {
  return registry.get(keyOf(source, eventType)) ?? [];
}
