/** The Hono environment shared by every route: dependencies, caller and tenant context. */
import type { Caller, StaffCaller, TenantContext } from '../platform/auth/caller.ts';
import type { ApiDependencies } from './dependencies.ts';

export interface AppEnv {
  Variables: {
    deps: ApiDependencies;
    caller: Caller;
    /** Set on tenant routes only, after the caller is known to be tenant staff. */
    staff: StaffCaller;
    tenant: TenantContext;
    requestId: string;
  };
}
