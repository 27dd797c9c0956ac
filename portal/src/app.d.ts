/** Types SvelteKit shares between hooks, loads and pages. */
import type { StaffSession } from '$lib/server/session/staff-session';

declare global {
  namespace App {
    interface Locals {
      /** The signed-in member of staff, decoded once per request in hooks.server.ts. */
      session: StaffSession | undefined;
      /** Language of the page, for `<html lang>`; the engagement area may set `cy`. */
      lang: string;
    }
    interface Error {
      message: string;
    }
  }
}

export {};
