/**
 * The overview's numbers: units by status, verification outcomes per day, units flagged
 * suspicious, return mismatches and the recalls with units still out with customers, over a
 * window of days. Read from the store's counts and events; nothing is stored for it.
 */
import type { OverviewStats, SerialStatus } from '@serialkit/core';
import { ValidationError } from '../errors.js';
import type { ClientContext } from './context.js';

const STATUSES: readonly SerialStatus[] = [
  'in_stock',
  'allocated',
  'shipped',
  'returned',
  'quarantined',
  'scrapped',
];
const DAY = 86_400_000;
/** The longest window: the chart's bars stay readable and the events read stay bounded. */
export const MAX_STATS_DAYS = 366;
/** Events read per window, at most (a busy shop's verifications are sampled beyond it). */
const MAX_EVENTS = 200_000;
const PAGE = 5000;

export interface StatsOptions {
  /** Days in the window, ending with `to`'s day. Default 30. */
  days?: number;
  /** The window's last moment (ISO). Default now. */
  to?: string;
}

export interface StatsResource {
  /**
   * The numbers a merchant looks at first, over the last `days` days.
   *
   * @example
   * const { verificationsByDay, openRecalls } = await client.stats.overview({ days: 14 });
   */
  overview(options?: StatsOptions): Promise<OverviewStats>;
}

export function statsResource(ctx: ClientContext): StatsResource {
  return {
    async overview(options = {}) {
      const days = options.days ?? 30;
      if (!Number.isInteger(days) || days < 1 || days > MAX_STATS_DAYS) {
        throw new ValidationError(`days must be a whole number from 1 to ${MAX_STATS_DAYS}`, {
          issues: [{ code: 'invalid_days', message: 'out of range', path: ['days'] }],
        });
      }
      const end = options.to === undefined ? Date.parse(ctx.nowIso()) : Date.parse(options.to);
      if (Number.isNaN(end)) {
        throw new ValidationError('to must be an ISO date', {
          issues: [{ code: 'invalid_date', message: 'not a date', path: ['to'] }],
        });
      }
      const startOfLastDay = Math.floor(end / DAY) * DAY;
      const fromMs = startOfLastDay - (days - 1) * DAY;
      const window = { from: new Date(fromMs).toISOString(), to: new Date(end).toISOString() };

      const byDay = new Map<string, Record<string, number>>();
      for (let day = fromMs; day <= startOfLastDay; day += DAY) {
        byDay.set(new Date(day).toISOString().slice(0, 10), {});
      }
      let flagged = 0;
      let returnMismatches = 0;
      let read = 0;
      let cursor: string | null = null;
      do {
        const page = await ctx.store.listEvents(
          { type: ['verified', 'flagged', 'return_checked'], between: window },
          { cursor, limit: PAGE },
        );
        for (const event of page.items) {
          if (event.type === 'flagged') flagged++;
          else if (event.type === 'return_checked') {
            if (event.data?.verdict === 'mismatch') returnMismatches++;
          } else {
            const outcomes = byDay.get(event.at.slice(0, 10));
            const status = String(event.data?.status ?? 'unknown');
            if (outcomes) outcomes[status] = (outcomes[status] ?? 0) + 1;
          }
        }
        read += page.items.length;
        cursor = read < MAX_EVENTS ? page.nextCursor : null;
      } while (cursor !== null);

      const [counts, recalls] = await Promise.all([
        Promise.all(STATUSES.map((status) => ctx.store.countSerials({ status }))),
        ctx.store.listRecalls({}, { limit: 100 }),
      ]);
      const unitsByStatus: OverviewStats['unitsByStatus'] = {};
      STATUSES.forEach((status, i) => {
        unitsByStatus[status] = counts[i]!;
      });
      const openRecalls: OverviewStats['openRecalls'] = [];
      for (const recall of recalls.items) {
        const outstanding = await ctx.store.countSerials({
          recallId: recall.id,
          status: 'shipped',
        });
        if (outstanding === 0) continue;
        openRecalls.push({
          id: recall.id,
          sku: recall.sku,
          notice: recall.notice,
          createdAt: recall.createdAt,
          affected: recall.counts.affected,
          outstanding,
        });
      }
      return {
        ...window,
        unitsByStatus,
        verificationsByDay: [...byDay].map(([date, outcomes]) => ({ date, outcomes })),
        flagged,
        returnMismatches,
        openRecalls,
      };
    },
  };
}
