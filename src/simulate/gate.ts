// At most `limit` tasks at once; the rest wait their turn in order. Counts what is queued or running.
export class Gate {
  private readonly limit: number;
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  /** Tasks queued or running. */
  pending = 0;

  constructor(limit: number) {
    this.limit = limit;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    this.pending++;
    if (this.running >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.pending--;
      this.waiting.shift()?.();
    }
  }
}
