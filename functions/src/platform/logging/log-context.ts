/**
 * What every log line of a request or job run carries without each caller passing it: the
 * request id, and the tenant id once it is known (from the verified token, a public session or
 * the tenant a job is working on). Kept in AsyncLocalStorage, so concurrent requests on one
 * machine never see each other's ids; outside a request (a cold start) there is none.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface LogContext {
  requestId: string;
  /** Null until the request is known to act for a tenant. */
  tenantId: string | null;
}

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `work` with its own context; everything it awaits logs with it. */
export function runWithLogContext<T>(context: LogContext, work: () => T): T {
  return storage.run({ ...context }, work);
}

/** Records the tenant the current request or job step acts for. */
export function setLogTenant(tenantId: string): void {
  const context = storage.getStore();
  if (context) context.tenantId = tenantId;
}

export function currentLogContext(): Readonly<LogContext> | undefined {
  return storage.getStore();
}
