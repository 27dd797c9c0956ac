/**
 * How many wrong invitation codes the public area takes before it asks people to wait.
 * Counted in fixed ten-minute windows, per client and per authority, only for codes that
 * are not found (a right code never counts). The portal refuses what cannot be a code
 * (wrong length, a character no code uses) before asking, so a child's typing slips
 * rarely reach these counts at all.
 *
 * Per client: 20. A class sharing one school address that mistypes a few well-formed codes
 * stays well under it; someone trying codes one after another is stopped after 20.
 * Per authority: 1,000, for every client together: a bound on guessing however many
 * addresses are used (with 5,000 live codes that is about one chance in 130,000 of a hit
 * per window), far above what a council's schools and families mistype in ten minutes.
 */

export const WRONG_CODE_WINDOW_SECONDS = 10 * 60;
export const WRONG_CODES_PER_CLIENT = 20;
export const WRONG_CODES_PER_AUTHORITY = 1000;

/** The header the portal uses to pass on the address of the person at the keyboard. */
export const CLIENT_ADDRESS_HEADER = 'waypoint-client-address';

export interface GuessWindow {
  /** Whole windows since 1970: part of the counter's key. */
  index: number;
  /** When the window ends, in epoch seconds. */
  endsAt: number;
}

export function guessWindow(now: Date): GuessWindow {
  const index = Math.floor(now.getTime() / 1000 / WRONG_CODE_WINDOW_SECONDS);
  return { index, endsAt: (index + 1) * WRONG_CODE_WINDOW_SECONDS };
}

/** Whole seconds until the window ends (at least 1), for `Retry-After`. */
export function secondsLeft(window: GuessWindow, now: Date): number {
  return Math.max(1, Math.ceil(window.endsAt - now.getTime() / 1000));
}
