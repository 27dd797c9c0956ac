import type { RequestLimits } from '@waypoint/functions/platform/limits/request-limits';

/**
 * The suites send far more requests a second than people do, so their stacks' limits are out
 * of reach: the limiter still runs on every request (and the bench measures it), but only a
 * test that sets its own limits ever meets one. A file of its own so the bench's casework
 * process (casework-process.ts) can use it without loading the whole stack.
 */
export const ROOMY: RequestLimits = {
  staff: { perSecond: 100_000, burst: 1_000_000 },
  publicClient: { perSecond: 100_000, burst: 1_000_000 },
  publicSession: { perSecond: 100_000, burst: 1_000_000 },
};
