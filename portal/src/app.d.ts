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
    }
    interface Error {
      message: string;
      /** Set when the API said the authority's service is paused, so the page says that instead of "no access". */
      reason?: 'tenant-suspended';
    }
  }
}

export {};
