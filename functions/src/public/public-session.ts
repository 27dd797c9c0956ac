/**
 * The session behind a public response route: the bearer token must be one we signed, be
 * unexpired and have been made for the address it is used at. The tenant, activity and
 * response come from it alone.
 */
import type { Context } from 'hono';
import type { EngagementActivity } from '@waypoint/shared/engagement/activity-schemas';
import type { FeedbackResponse } from '@waypoint/shared/engagement/response-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import { getActivity } from '../engagement/activity-store.ts';
import { getResponse } from '../engagement/response-store.ts';
import { bearerToken } from '../platform/auth/authenticate.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { readParam } from '../platform/http/validation.ts';
import { limitPublicRequest } from './public-limits.ts';
import { Slug } from './public-slug.ts';
import { requireServiceOpen } from '../tenants/current-tenants.ts';
import { tenantContextFor } from './public-tenant.ts';
import { InvalidSessionError, verifySession, type EngagementSession } from './session-tokens.ts';

export const sessionExpired = () => new ApiError('unauthenticated', 'Your session has ended. Enter your code again to carry on where you left off.', { reason: 'session-expired' });

/** The session, checked; decoy sessions (the honeypot was filled) are returned for the caller to humour. */
export async function readSession(c: Context<AppEnv>): Promise<EngagementSession> {
  const slug = readParam(c, 'slug', Slug);
  const token = bearerToken(c.req.header('authorization'));
  if (!token) throw sessionExpired();
  let session: EngagementSession;
  try {
    session = await verifySession(token, clock.now());
  } catch (error) {
    if (error instanceof InvalidSessionError) throw sessionExpired();
    throw error;
  }
  // A session made at one authority's address opens nothing at another's.
  if (session.slug !== slug) throw sessionExpired();
  // The session's own tenant, signed by us; decoy sessions count too, so a bot is slowed alike.
  await limitPublicRequest(c, tenantContextFor(c.var.deps, session.tenantId), session.responseId);
  return session;
}

export interface LiveSession {
  session: EngagementSession;
  tenant: TenantContext;
  activity: EngagementActivity;
  response: FeedbackResponse;
}

/** The session's tenant, activity and response as they are now; gone ones end the session, and a paused authority refuses it. */
export async function liveSession(c: Context<AppEnv>, session: EngagementSession): Promise<LiveSession> {
  await requireServiceOpen(c.var.deps, session.tenantId);
  const tenant = tenantContextFor(c.var.deps, session.tenantId);
  const activity = await getActivity(tenant, session.activityId);
  const response = activity ? await getResponse(tenant, session.activityId, session.responseId, clock.now()) : undefined;
  if (!activity || !response) throw sessionExpired();
  return { session, tenant, activity, response };
}
