/**
 * Retried POSTs do not duplicate: a POST carrying `Idempotency-Key` runs once, and a retry
 * with the same key and body gets the first response again; the same key with a different
 * body is a 422, and a retry while the first is still running a 409. The key is scoped by
 * caller, method and path, and its record lives in the tenant's own partition
 * (`idempotency-records.ts`), so the same key isolation covers it. Every other request passes
 * straight through.
 */
import { clock } from '@waypoint/shared/time/clock';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../api/app-env.ts';
import { ApiError } from '../http/api-error.ts';
import { claim, complete, release, sha256, type RecordTimes } from './idempotency-records.ts';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
const REMEMBER_SECONDS = 24 * 60 * 60;
/** API Gateway ends a request after 30 s: an in-progress record older than that is abandoned. */
const REQUEST_DEADLINE_MS = 30_000;

export const idempotentPosts = createMiddleware<AppEnv>(async (c, next) => {
  // The method first: a read never looks up the header.
  if (c.req.method !== 'POST') return next();
  const key = c.req.header('idempotency-key');
  if (key === undefined) return next();
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError('validation', 'Idempotency-Key must be 8 to 128 letters, digits or . _ : -', { errors: [{ path: 'Idempotency-Key', message: 'Use a random value such as a UUID' }] });
  }
  const { tenant, staff } = c.var;
  const bodyHash = sha256(await c.req.text());
  const scope = `${staff.userId} ${c.req.method} ${c.req.path} ${key}`;
  const times = (): RecordTimes => ({ now: clock.now().getTime(), rememberSeconds: REMEMBER_SECONDS, inProgressMs: REQUEST_DEADLINE_MS });
  const found = await claim(tenant, scope, bodyHash, times());
  if (found) {
    if (found.bodyHash !== bodyHash) throw new ApiError('idempotency-conflict', 'This Idempotency-Key was used with a different request body');
    if (found.status === 'in-progress') throw new ApiError('conflict', 'A request with this Idempotency-Key is still in progress');
    c.res = new Response(found.response.body, { status: found.response.status, headers: { ...found.response.headers, 'idempotent-replayed': 'true' } });
    return;
  }
  try {
    await next();
  } catch (error) {
    await release(tenant, scope);
    throw error;
  }
  // A failure is not remembered, so a corrected retry with the same key runs.
  if (c.error || c.res.status >= 400) return release(tenant, scope);
  // Only JSON answers are kept for a replay: a download (a subject access ZIP) is made afresh each time.
  if (!/json/.test(c.res.headers.get('content-type') ?? '')) return release(tenant, scope);
  await complete(tenant, scope, { status: c.res.status, body: await c.res.clone().text(), headers: Object.fromEntries(c.res.headers) }, times());
});
