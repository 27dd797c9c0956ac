/**
 * How many requests each party may make, as token buckets: `burst` requests at once, refilled
 * at `perSecond`. Buckets are kept in DynamoDB (`bucket-store.ts`), so a limit holds however
 * many Lambda instances serve the API, and one party using up its bucket leaves every other
 * party's untouched.
 *
 * - `staff`: everything an authority's staff ask of the API together. The HTTP API's stage
 *   allows 100 requests a second for everyone; one authority may use at most a quarter of it
 *   steadily, with room for a burst of page loads after a meeting.
 * - `publicClient`: one address in the have-your-say area of one authority. A whole class
 *   answering from one school address stays well under it; a script does not.
 * - `publicSession`: one child's or family's session, a few pages a minute at reading pace.
 *
 * Each can be set from the environment (`LIMIT_STAFF_PER_SECOND`, `LIMIT_STAFF_BURST`,
 * `LIMIT_PUBLIC_CLIENT_…`, `LIMIT_PUBLIC_SESSION_…`).
 */

export interface BucketLimit {
  /** Tokens added back per second (may be fractional: 0.5 is one every two seconds). */
  perSecond: number;
  /** The most tokens the bucket holds: how many requests can come at once. */
  burst: number;
}

export interface RequestLimits {
  staff: BucketLimit;
  publicClient: BucketLimit;
  publicSession: BucketLimit;
}

export type BucketKind = keyof RequestLimits;

export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  staff: { perSecond: 25, burst: 250 },
  publicClient: { perSecond: 10, burst: 100 },
  publicSession: { perSecond: 2, burst: 40 },
};

const ENV_PREFIX: Record<BucketKind, string> = { staff: 'LIMIT_STAFF', publicClient: 'LIMIT_PUBLIC_CLIENT', publicSession: 'LIMIT_PUBLIC_SESSION' };

function positive(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number`);
  return n;
}

/** The limits from `LIMIT_*` variables, each falling back to its default. */
export function requestLimitsFromEnv(env: Record<string, string | undefined> = process.env): RequestLimits {
  const read = (kind: BucketKind): BucketLimit => ({
    perSecond: positive(env[`${ENV_PREFIX[kind]}_PER_SECOND`], DEFAULT_REQUEST_LIMITS[kind].perSecond, `${ENV_PREFIX[kind]}_PER_SECOND`),
    burst: Math.max(1, Math.floor(positive(env[`${ENV_PREFIX[kind]}_BURST`], DEFAULT_REQUEST_LIMITS[kind].burst, `${ENV_PREFIX[kind]}_BURST`))),
  });
  return { staff: read('staff'), publicClient: read('publicClient'), publicSession: read('publicSession') };
}
