/** How each timescale status reads: a word and a symbol as well as a colour, so colour is never the only signal. */
import type { TimescaleStatus } from '@waypoint/shared/journey/timescales';

export const TIMESCALE_STATUS_LABELS: Record<TimescaleStatus, string> = {
  met: 'Met',
  missed: 'Missed',
  due: 'Due',
  overdue: 'Overdue',
};

/** The symbol drawn at a timescale's marker and shown before the word in the table. */
export const TIMESCALE_STATUS_SYMBOLS: Record<TimescaleStatus, string> = {
  met: '✓',
  missed: '✗',
  due: '○',
  overdue: '!',
};

/** "2 met, 1 missed, 1 overdue": the timeline's description and the section summary. */
export function timescaleSummary(statuses: readonly TimescaleStatus[]): string {
  if (statuses.length === 0) return 'no statutory timescales started yet';
  const order: TimescaleStatus[] = ['met', 'missed', 'overdue', 'due'];
  return order
    .map((status) => ({ status, count: statuses.filter((s) => s === status).length }))
    .filter((c) => c.count > 0)
    .map((c) => `${c.count} ${TIMESCALE_STATUS_LABELS[c.status].toLowerCase()}`)
    .join(', ');
}
