/**
 * CPU time of a PostgreSQL cluster's processes (Linux /proc), for telling the work a statement
 * costs from the time it waited for a core on a busy machine. The bench's cluster is private, so
 * every process in `pg_stat_activity` (backends and background writers) works for it.
 */
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { type CpuMeter, processCpu } from './rounds.js';

/** Linux reports process times in USER_HZ ticks, 100 a second on every mainstream build. */
const MS_PER_TICK = 10;

function processTicks(pid: number): number | undefined {
  try {
    // Fields after the command name: state is the first, utime the 12th, stime the 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ');
    if (!fields) return undefined;
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/**
 * This process's CPU plus the cluster's, cumulative. Processes that exit keep their last reading;
 * short-lived ones (autovacuum workers) that come and go between readings are missed.
 */
export function clusterCpuMeter(pool: pg.Pool): CpuMeter {
  const ticks = new Map<number, number>();
  return async () => {
    const { rows } = await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity');
    for (const { pid } of rows) {
      const value = processTicks(pid);
      if (value !== undefined) ticks.set(pid, value);
    }
    let total = 0;
    for (const value of ticks.values()) total += value;
    return (processCpu() as number) + total * MS_PER_TICK;
  };
}

/** True when this machine exposes other processes' CPU times (Linux, readable /proc). */
export function canMeterProcesses(): boolean {
  return processTicks(process.pid) !== undefined;
}
