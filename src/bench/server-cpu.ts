// CPU time the PostgreSQL server spent for this database: the backends connected to it, read
// from /proc (so only when the server runs on this machine and /proc is readable). Background
// processes (WAL writer, checkpointer) serve every database on the server and are left out. On
// a shared machine this is far steadier than wall-clock rates, and it is the half of the cost
// the client's own CPU figures do not see. PGlite runs inside this process: nothing to add.
import { readFileSync } from 'node:fs';
import type { Db } from '../db/client.ts';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU ms of the local process `pid` if it is a backend of `database` (a server on another machine
 *  has its own pids: a local process with the same pid is not it). */
function backendCpuMs(pid: number, database: string): number | null {
  try {
    const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!title.startsWith('postgres') || !title.includes(` ${database} `)) return null;
    // Fields after the command (which may hold spaces) start at ") "; utime and stime are 14 and 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return null;
  }
}

export interface ServerCpuClock {
  /** Server CPU ms since the clock started, or null when it cannot be read. */
  elapsedMs(): Promise<number | null>;
}

/** Starts a clock over the database's backends (PostgreSQL on this machine), or returns null. */
export async function startServerCpuClock(db: Db): Promise<ServerCpuClock | null> {
  if (db.kind !== 'postgres') return null;
  const database = (await db.query<{ d: string }>(`SELECT current_database() AS d`)).rows[0]!.d;
  const backends = async () => (await db.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`)).rows.map((r) => r.pid);
  const sample = async () => {
    const out = new Map<number, number>();
    for (const pid of await backends()) {
      const ms = backendCpuMs(pid, database);
      if (ms !== null) out.set(pid, ms);
    }
    return out;
  };
  const start = await sample();
  if (!start.size) return null;
  return {
    async elapsedMs() {
      const now = await sample();
      let total = 0;
      // A backend that started during the run counts from zero; one that ended is lost (pools keep theirs).
      for (const [pid, ms] of now) total += ms - (start.get(pid) ?? 0);
      return total;
    },
  };
}
