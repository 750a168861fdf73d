// Plays a crowd through the sandbox until `participants` people have joined: seed people scan the
// campaign's code; whoever joins reads their link (the welcome card, or the group-send staff
// confirm when the welcome code could not be used), opens their page and shares their poster; each
// share may be opened by a newcomer (or someone already in the crowd), who may then add the staff
// member and so join one level down; some people later delete the staff member. When the cascade
// dies out before the target, fresh seed people scan the campaign's code again.
import type { CrowdOptions } from './options.ts';
import { Gate } from './gate.ts';
import { HttpError, type Json } from './http-json.ts';
import type { Instance } from './instance.ts';
import { planPerson, type Person } from './person.ts';

/** How people enter and leave the campaign's channel (task-wecom: scan a contact way, delete the staff). */
export interface ChannelActions {
  /** The person scans a QR and completes the action; returns whether it was a new add. */
  arrive(person: Person, qrUrl: string): Promise<{ outcome: string; added: boolean }>;
  leave(person: Person): Promise<void>;
  /** The participant's own link in a message they received, if it holds one. */
  linkIn(message: Json): string | null;
}

export interface CrowdTotals {
  people: number;
  seedScans: number;
  reseeds: number;
  adds: number;
  scanOutcomes: Record<string, number>;
  helpPagesOpened: number;
  rescans: number;
  linksReceived: Record<string, number>;
  groupSendsConfirmed: number;
  churned: number;
  /** People who added the staff but never got a link (their callback lost, or they could not join). */
  gaveUp: number;
  errors: Record<string, number>;
}

export interface CrowdContext {
  inst: Instance;
  corpid: string;
  campaignId: number;
  entryQrUrl: string;
  crowd: CrowdOptions;
  actions: ChannelActions;
  /** Participants joined so far. */
  joined(): Promise<number>;
  /** Nothing left in flight on the service side (callbacks, inbox, jobs). */
  settled(): Promise<boolean>;
  deadline: number;
  log(line: string): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** "HTTP 503 unavailable", "HTTP 502 wechat_error", or the error's message without numbers. */
function errorKind(err: unknown): string {
  if (err instanceof HttpError) {
    const code = (err.body as { error?: { code?: string } } | null)?.error?.code;
    return `HTTP ${err.status}${code ? ` ${code}` : ''}`;
  }
  return (err instanceof Error ? err.message : String(err)).replace(/\d+/g, 'N').slice(0, 120);
}

/** A page that says "try again in a moment" (503) is tried again, as a person would, up to 3 times. */
async function retryUnavailable<T>(load: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await load();
    } catch (err) {
      if (!(err instanceof HttpError && err.status === 503) || attempt >= 3) throw err;
      await sleep(1000 * attempt);
    }
  }
}

export class Crowd {
  private readonly c: CrowdContext;
  private readonly gate: Gate;
  private readonly buffer: string[] = [];
  private batches = 0;
  private ordinal = 0;
  private readonly known: Person[] = [];
  /** External user id → person waiting for their link, and since when. */
  private readonly awaiting = new Map<string, { person: Person; since: number }>();
  private readonly seenMessages = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;
  readonly totals: CrowdTotals = {
    people: 0, seedScans: 0, reseeds: 0, adds: 0, scanOutcomes: {}, helpPagesOpened: 0, rescans: 0, linksReceived: {},
    groupSendsConfirmed: 0, churned: 0, gaveUp: 0, errors: {},
  };

  /** Messages the corp's people and staff received during the run (as far as read). */
  get messagesSeen(): number {
    return this.seenMessages.size;
  }

  constructor(c: CrowdContext) {
    this.c = c;
    this.gate = new Gate(c.crowd.concurrency);
  }

  /** Runs until the target is reached; returns the number joined. */
  async run(): Promise<number> {
    const background = [this.watchMessages(), this.confirmGroupSends()];
    try {
      await this.seed();
      let joined = 0;
      let lastLog = 0;
      for (;;) {
        joined = await this.c.joined();
        if (Date.now() - lastLog > 2000) {
          lastLog = Date.now();
          this.c.log(`joined ${joined}/${this.c.crowd.participants}, people ${this.totals.people}, adds ${this.totals.adds}, waiting for a link ${this.awaiting.size}, tasks ${this.gate.pending}`);
        }
        if (joined >= this.c.crowd.participants) break;
        if (Date.now() > this.c.deadline) throw new Error(`timed out with ${joined} of ${this.c.crowd.participants} participants joined`);
        if (this.gate.pending === 0) await this.whenIdle();
        await sleep(250);
      }
      this.stopped = true;
      for (const t of this.timers) clearTimeout(t);
      while (this.gate.pending > 0) await sleep(50);
      return joined;
    } finally {
      this.stopped = true;
      for (const t of this.timers) clearTimeout(t);
      await Promise.allSettled(background);
    }
  }

  /** Nothing running: people may still wait for links; once the service is settled they never come. */
  private async whenIdle(): Promise<void> {
    if (this.awaiting.size) {
      const oldest = Math.min(...[...this.awaiting.values()].map((a) => a.since));
      if (Date.now() - oldest < 5000 || !(await this.c.settled())) return;
      // Settled, and the message watcher has read everything sent: these links will not come.
      await this.readMessages();
      this.totals.gaveUp += this.awaiting.size;
      this.awaiting.clear();
    }
    this.totals.reseeds++;
    await this.seed();
  }

  private async seed(): Promise<void> {
    for (let i = 0; i < this.c.crowd.seeds; i++) {
      const p = await this.newPerson();
      this.totals.seedScans++;
      this.task('scan the campaign code', () => this.arrive(p, this.c.entryQrUrl));
    }
  }

  private async newPerson(): Promise<Person> {
    if (!this.buffer.length) {
      // Same run seed, same people: each batch has its own sandbox seed.
      const made = await this.c.inst.sandbox.api('POST', '/people', { count: 200, seed: this.c.crowd.seed * 10_000 + this.batches++ });
      this.buffer.push(...(made.people as Json[]).map((p) => p.id as string));
    }
    this.totals.people++;
    return planPerson(this.c.crowd, this.ordinal++, this.buffer.shift()!);
  }

  /** Queues a unit of activity; failures are counted by kind, never fatal (people give up). */
  private task(what: string, fn: () => Promise<void>): void {
    void this.gate.run(fn).catch((err: unknown) => {
      const key = `${what}: ${errorKind(err)}`;
      this.totals.errors[key] = (this.totals.errors[key] ?? 0) + 1;
    });
  }

  private async arrive(p: Person, qrUrl: string): Promise<void> {
    const r = await this.c.actions.arrive(p, qrUrl);
    this.totals.scanOutcomes[r.outcome] = (this.totals.scanOutcomes[r.outcome] ?? 0) + 1;
    if (!r.added) return;
    this.totals.adds++;
    if (!this.known.includes(p)) this.known.push(p);
    this.awaiting.set(p.externalUserId!, { person: p, since: Date.now() });
    if (p.churns && !p.churned) {
      const t = setTimeout(() => {
        this.timers.delete(t);
        if (this.stopped || p.churned) return;
        p.churned = true;
        this.totals.churned++;
        this.task('delete the staff member', () => this.c.actions.leave(p));
      }, p.churnDelayMs);
      this.timers.add(t);
    }
  }

  /** The person opened their link: their page gives the help link their poster carries. */
  private async joinedWith(p: Person, link: string): Promise<void> {
    const token = new URL(link).searchParams.get('t');
    if (!token) throw new Error(`link without a token: ${link}`);
    const me = await this.c.inst.h5.get('/api/h5/me', token);
    const helpPath = new URL(me.helpUrl as string).pathname.replace(/^\/h5\//, '/api/h5/');
    for (const share of p.shares) {
      if (!share.scanned) continue;
      this.task('open a help page and scan', async () => {
        if (this.stopped) return;
        const known = share.byKnownPerson && this.known.length ? this.known[Math.floor(share.pick * this.known.length)]! : null;
        if (known) this.totals.rescans++;
        const scanner = known ?? (await this.newPerson());
        const page = await retryUnavailable(() => this.c.inst.h5.get(helpPath));
        this.totals.helpPagesOpened++;
        const qr = (page.staffQr as { url: string } | null)?.url;
        if (share.completes && qr) await this.arrive(scanner, qr);
      });
    }
  }

  private async readMessages(): Promise<void> {
    const { messages } = await this.c.inst.sandbox.api('GET', `/corps/${this.c.corpid}/messages?limit=1000`);
    const fresh = (messages as Json[]).filter((m) => !this.seenMessages.has(m.id));
    if (fresh.length === 1000 && this.seenMessages.size) this.c.log('warning: more than 1000 messages between two reads; some links may be missed');
    for (const m of fresh) {
      this.seenMessages.add(m.id);
      const waiting = this.awaiting.get(m.to);
      const link = waiting ? this.c.actions.linkIn(m) : null;
      if (!waiting || !link) continue;
      this.awaiting.delete(m.to);
      this.totals.linksReceived[m.kind] = (this.totals.linksReceived[m.kind] ?? 0) + 1;
      const p = waiting.person;
      if (p.joined) continue;
      p.joined = true;
      if (!this.stopped) this.task('open my page', () => this.joinedWith(p, link));
    }
  }

  private async watchMessages(): Promise<void> {
    while (!this.stopped) {
      await this.readMessages().catch((err: unknown) => this.c.log(`reading messages failed: ${(err as Error).message}`));
      await sleep(300);
    }
  }

  /** Staff confirm the group-sends Fission created when a welcome code could not be used. */
  private async confirmGroupSends(): Promise<void> {
    while (!this.stopped) {
      await this.confirmPending().catch((err: unknown) => this.c.log(`confirming group-sends failed: ${(err as Error).message}`));
      await sleep(1500);
    }
  }

  async confirmPending(): Promise<void> {
    const { massSends } = await this.c.inst.sandbox.api('GET', `/corps/${this.c.corpid}/mass-sends`);
    for (const send of massSends as Json[]) {
      for (const [userid, task] of Object.entries(send.tasks as Record<string, Json>)) {
        if (task.status !== 'pending') continue;
        await this.c.inst.sandbox.api('POST', '/actions/confirm-mass-send', { corpid: this.c.corpid, msgid: send.msgid, userid });
        this.totals.groupSendsConfirmed++;
      }
    }
  }
}
