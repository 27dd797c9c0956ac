/**
 * Between a right password and a right code: who is signing in, and the secret of the app they
 * are setting up (kept here, never in the page's form, so nobody can choose their own secret or
 * someone else's). Held per sign-in interaction, as the provider's own interactions are, and
 * ended by too many wrong codes, which sends the person back to the password.
 */
export const MAX_CODE_TRIES = 5;
/** As long as the provider's sign-in interaction lives. */
const PENDING_MS = 30 * 60 * 1000;
const MAX_PENDING = 10_000;

export interface PendingSecondStep {
  email: string;
  userId: string;
  /** Set while the person sets up their first app. */
  enrolSecret?: string;
  wrongCodes: number;
  expiresAt: number;
}

export interface SecondSteps {
  start(uid: string, step: Omit<PendingSecondStep, 'wrongCodes' | 'expiresAt'>): PendingSecondStep;
  get(uid: string): PendingSecondStep | undefined;
  end(uid: string): void;
}

export function createSecondSteps(now: () => number = Date.now): SecondSteps {
  const pending = new Map<string, PendingSecondStep>();
  return {
    start(uid, step) {
      if (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value!);
      const entry = { ...step, wrongCodes: 0, expiresAt: now() + PENDING_MS };
      pending.set(uid, entry);
      return entry;
    },
    get(uid) {
      const entry = pending.get(uid);
      if (entry && entry.expiresAt <= now()) {
        pending.delete(uid);
        return undefined;
      }
      return entry;
    },
    end(uid) {
      pending.delete(uid);
    },
  };
}
