/**
 * The one Hono app, routed by capability. The same app runs under @hono/node-server on
 * one machine and inside Lambda (`lambda.ts`); only its dependencies differ.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { actionImpactRoutes } from '../actions/action-impact-routes.ts';
import { actionLifecycleRoutes } from '../actions/action-lifecycle-routes.ts';
import { actionListRoutes } from '../actions/action-list-routes.ts';
import { actionRoutes } from '../actions/action-routes.ts';
import { activityRoutes } from '../activity/activity-routes.ts';
import { alertRoutes } from '../alerts/alert-routes.ts';
import { auditLifecycleRoutes } from '../audits/audit-lifecycle-routes.ts';
import { auditRoutes } from '../audits/audit-routes.ts';
import { caseAuditRoutes } from '../audits/case-audit-routes.ts';
import { caseRoutes } from '../cases/case-routes.ts';
import { caseEvidenceRoutes } from '../dashboards/case-evidence-routes.ts';
import { serviceRoutes } from '../dashboards/service-routes.ts';
import { connectionRoutes } from '../federation/connection-routes.ts';
import { signInRoutes } from '../federation/sign-in-routes.ts';
import { devOutboxRoutes } from '../dev-outbox/dev-outbox-routes.ts';
import { activityRoutes as engagementActivityRoutes } from '../engagement/activity-routes.ts';
import { codeRoutes } from '../engagement/code-routes.ts';
import { activityResultsRoutes, resultsRoutes } from '../engagement/results/results-routes.ts';
import { entryRoutes, publicEntryRoutes } from '../engagement/you-said-we-did/entry-routes.ts';
import { healthRoutes } from '../health/health-routes.ts';
import { journeyRoutes } from '../journey/journey-routes.ts';
import { meRoutes } from '../me/me-routes.ts';
import { moderationReportRoutes } from '../moderation/moderation-report-routes.ts';
import { moderationRoutes } from '../moderation/moderation-routes.ts';
import { openApiRoutes } from '../openapi/openapi-routes.ts';
import { authenticate, requireOperator, requireTenant } from '../platform/auth/authenticate.ts';
import { recheckCaller } from '../platform/auth/recheck-caller.ts';
import { isDatabaseUnavailable } from '../platform/database/availability.ts';
import { ApiError, problemResponse } from '../platform/http/api-error.ts';
import { MAX_BODY_BYTES } from '../platform/http/validation.ts';
import { idempotentPosts } from '../platform/idempotency/idempotency.ts';
import { logger } from '../platform/logging/logger.ts';
import { learningRoutes } from '../practitioners/learning-routes.ts';
import { programmeRoutes } from '../programmes/programme-routes.ts';
import { publicRoutes } from '../public/public-routes.ts';
import { responseRoutes } from '../public/response-routes.ts';
import { sampleRoutes } from '../programmes/sample-routes.ts';
import { reflectionRoutes } from '../reflections/reflection-routes.ts';
import { reviewRoutes } from '../reviews/review-routes.ts';
import { shadowingRoutes } from '../shadowing/shadowing-routes.ts';
import { complianceRoutes } from '../compliance/compliance-routes.ts';
import { settingsRoutes } from '../settings/settings-routes.ts';
import { teamRoutes } from '../teams/team-routes.ts';
import { platformActivityRoutes } from '../tenants/platform-activity-routes.ts';
import { tenantRoutes } from '../tenants/tenant-routes.ts';
import { templateCopyRoutes } from '../templates/template-copy-routes.ts';
import { templateRoutes } from '../templates/template-routes.ts';
import { userRoutes } from '../users/user-routes.ts';
import type { AppEnv } from './app-env.ts';
import type { ApiDependencies } from './dependencies.ts';

const METHODS_WITHOUT_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes that need a signed-in member of a tenant's staff. */
function tenantApi() {
  return new Hono<AppEnv>()
    .use('*', authenticate, requireTenant, recheckCaller, idempotentPosts)
    .route('/cases', caseRoutes)
    .route('/cases', caseAuditRoutes)
    .route('/cases', journeyRoutes)
    .route('/cases', caseEvidenceRoutes)
    .route('/templates', templateRoutes)
    .route('/templates', templateCopyRoutes)
    .route('/audits', auditRoutes)
    .route('/audits', auditLifecycleRoutes)
    .route('/audits', reflectionRoutes)
    .route('/audits', moderationRoutes)
    .route('/moderation', moderationReportRoutes)
    .route('/programmes', programmeRoutes)
    .route('/programmes', sampleRoutes)
    .route('/actions', actionListRoutes)
    .route('/actions', actionRoutes)
    .route('/actions', actionLifecycleRoutes)
    .route('/actions', actionImpactRoutes)
    .route('/dashboards', serviceRoutes)
    .route('/practitioners', learningRoutes)
    .route('/engagement/activities', engagementActivityRoutes)
    .route('/engagement/activities', codeRoutes)
    .route('/engagement/activities', activityResultsRoutes)
    .route('/engagement', resultsRoutes)
    .route('/engagement/you-said-we-did', entryRoutes)
    .route('/alerts', alertRoutes)
    .route('/shadowing', shadowingRoutes)
    .route('/compliance', complianceRoutes)
    .route('/reviews', reviewRoutes)
    .route('/teams', teamRoutes)
    .route('/users', userRoutes)
    .route('/settings', settingsRoutes)
    .route('/identity-provider', connectionRoutes)
    .route('/activity', activityRoutes)
    .route('/dev/outbox', devOutboxRoutes);
}

/** Routes for the platform operator alone: authorities and what operators did to them. */
function platformApi() {
  return new Hono<AppEnv>().use('*', authenticate, requireOperator).route('/tenants', tenantRoutes).route('/activity', platformActivityRoutes);
}

export function createApp(deps: ApiDependencies) {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = c.req.header('x-request-id')?.slice(0, 64) ?? randomUUID();
    c.set('deps', deps);
    c.set('requestId', requestId);
    await next();
    // On the response's own headers: `c.header` after the handler has answered rebuilds the
    // whole response (and its body as a stream), which was a visible part of every read.
    const headers = c.res.headers;
    headers.set('x-request-id', requestId);
    headers.set('x-content-type-options', 'nosniff');
    // Method, route pattern and status only: never bodies, tokens or ids from the path.
    logger.info('request', {
      requestId,
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });

  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => {
      // The rest of the body is never read, so the connection cannot carry another request.
      const response = problemResponse(new ApiError('payload-too-large', 'The body must be at most 256 KB'), c.req.path);
      response.headers.set('connection', 'close');
      return response;
    },
  });
  // Only requests that may carry a body: asking a GET for its body makes the server build a
  // full web Request for it, work every read would pay for nothing.
  app.use('/v1/*', (c, next) => (METHODS_WITHOUT_BODY.has(c.req.method) ? next() : limitBody(c, next)));

  app.onError((error, c) => {
    if (error instanceof ApiError) return problemResponse(error, c.req.path);
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(new ApiError(error.status === 413 ? 'payload-too-large' : 'validation', error.message || 'Bad request'), c.req.path);
    }
    if (isDatabaseUnavailable(error)) {
      logger.error('database unavailable', { requestId: c.var.requestId, route: c.req.routePath, error: error instanceof Error ? error.name : 'unknown' });
      return problemResponse(new ApiError('unavailable', 'The database cannot be reached; try again shortly'), c.req.path);
    }
    logger.error('unhandled error', { requestId: c.var.requestId, route: c.req.routePath, error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) });
    return problemResponse(new ApiError('internal', `Something went wrong; quote request ${c.var.requestId} if you report it`), c.req.path);
  });

  app.notFound((c) => problemResponse(new ApiError('not-found', 'There is nothing at this address'), c.req.path));

  const routes = app
    .route('/v1/health', healthRoutes)
    .use('/v1/me', authenticate, recheckCaller)
    .route('/v1/me', meRoutes)
    // Public, and before the tenant routes so their sign-in check does not apply.
    .route('/v1', openApiRoutes)
    // The have-your-say area: no staff sign-in; its response routes check their own signed session.
    .route('/v1/public', publicRoutes)
    .route('/v1/public', responseRoutes)
    .route('/v1/public', publicEntryRoutes)
    .route('/v1/sign-in', signInRoutes)
    // Before the tenant routes, whose checks refuse the operator.
    .route('/v1/platform', platformApi())
    .route('/v1', tenantApi());
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
