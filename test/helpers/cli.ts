// Runs the real `fission` command in child processes, on this repo's Node (process.execPath), with
// an environment that holds only what the test gives it (never the developer's DATABASE_URL, PORT…).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/fission.js', import.meta.url));

function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, TZ: 'UTC', LOG_LEVEL: 'warn', ...env };
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `fission …args` to completion (killed after `timeoutMs`). */
export function runFission(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 180_000): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** A long-running `fission` process (start, serve, work) whose output the test can wait on. */
export class FissionProcess {
  readonly child: ChildProcess;
  readonly name: string;
  stdout = '';
  stderr = '';
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private listeners: Array<() => void> = [];

  constructor(name: string, args: string[], env: NodeJS.ProcessEnv) {
    this.name = name;
    this.child = spawn(process.execPath, [BIN, ...args], { cwd: REPO, env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    const changed = () => this.listeners.forEach((l) => l());
    this.child.stdout!.on('data', (d) => { this.stdout += d; changed(); });
    this.child.stderr!.on('data', (d) => { this.stderr += d; changed(); });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => { resolve({ code, signal }); changed(); }));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the first match of `re` in stdout; rejects if the process exits or time runs out. */
  waitFor(re: RegExp, timeoutMs = 180_000): Promise<RegExpMatchArray> {
    return new Promise((resolve, reject) => {
      const done = (fn: () => void) => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        fn();
      };
      const check = () => {
        const m = this.stdout.match(re);
        if (m) done(() => resolve(m));
        else if (!this.running) done(() => reject(new Error(`${this.name} exited before printing ${re}:\n${this.output()}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`${this.name}: no ${re} after ${timeoutMs} ms:\n${this.output()}`))), timeoutMs);
      this.listeners.push(check);
      check();
    });
  }

  output(): string {
    return `--- ${this.name} stdout\n${this.stdout}--- ${this.name} stderr\n${this.stderr}`;
  }

  /** Sends `signal` and waits for the exit; SIGKILL if it has not exited after `graceMs`. */
  async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 60_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.running) {
      this.child.kill(signal);
      const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      const r = await this.exited;
      clearTimeout(timer);
      return r;
    }
    return this.exited;
  }
}
