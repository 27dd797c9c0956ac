/** Types SvelteKit shares between hooks, loads and pages. */
import type { StaffSession } from '$lib/server/session/staff-session';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in member of staff, decoded once per request in hooks.server.ts. */
      session: StaffSession | undefined;
      /** Language of the page, for `<html lang>`; the engagement area may set `cy`, `pl` or `ur`. */
      lang: string;
      /** Direction of the page, for `<html dir>`; Urdu pages are right to left. */
      dir: 'ltr' | 'rtl';
      /** Set when a have-your-say page asks its visitor to wait: sent on as the page's own `Retry-After`. */
      retryAfterSeconds?: number;
    }
    interface Error {
      message: string;
      /**
       * Set when the API said the authority's service is paused, so the page says that instead of
       * "no access"; or that a have-your-say visitor asked for pages too fast, so the page asks them to wait.
       */
      reason?: 'tenant-suspended' | 'too-many-requests';
      /** With `too-many-requests`: the API's `Retry-After`, so the page says how long to wait. */
      retryAfterSeconds?: number;
    }
  }
}

export {};
