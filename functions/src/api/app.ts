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
import { actionFileRoutes } from '../files/action-file-routes.ts';
import { auditFileRoutes } from '../files/audit-file-routes.ts';
import { activityRoutes } from '../activity/activity-routes.ts';
import { alertRoutes } from '../alerts/alert-routes.ts';
import { auditLifecycleRoutes } from '../audits/audit-lifecycle-routes.ts';
import { auditRoutes } from '../audits/audit-routes.ts';
import { caseAuditRoutes } from '../audits/case-audit-routes.ts';
import { caseRoutes } from '../cases/case-routes.ts';
import { caseEvidenceRoutes } from '../dashboards/case-evidence-routes.ts';
import { serviceRoutes } from '../dashboards/service-routes.ts';
import { teamPageRoutes } from '../dashboards/team-page-routes.ts';
import { connectionRoutes } from '../federation/connection-routes.ts';
import { signInRoutes } from '../federation/sign-in-routes.ts';
import { devOutboxRoutes } from '../dev-outbox/dev-outbox-routes.ts';
import { activityRoutes as engagementActivityRoutes } from '../engagement/activity-routes.ts';
import { codeRoutes } from '../engagement/code-routes.ts';
import { activityResultsRoutes, resultsRoutes } from '../engagement/results/results-routes.ts';
import { entryRoutes, publicEntryRoutes } from '../engagement/you-said-we-did/entry-routes.ts';
import { healthRoutes } from '../health/health-routes.ts';
import { importRoutes } from '../imports/import-routes.ts';
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
import { currentLogContext, runWithLogContext } from '../platform/logging/log-context.ts';
import { limitStaffRequests } from '../platform/limits/request-limiter.ts';
import { logger } from '../platform/logging/logger.ts';
import { tenantMetrics } from '../platform/metrics/tenant-metrics.ts';
import { learningRoutes } from '../practitioners/learning-routes.ts';
import { programmeRoutes } from '../programmes/programme-routes.ts';
import { publicRoutes } from '../public/public-routes.ts';
import { responseRoutes } from '../public/response-routes.ts';
import { sampleRoutes } from '../programmes/sample-routes.ts';
import { reflectionRoutes } from '../reflections/reflection-routes.ts';
import { gradeViewRoutes } from '../grade-views/grade-view-routes.ts';
import { reviewRoutes } from '../reviews/review-routes.ts';
import { shadowingRoutes } from '../shadowing/shadowing-routes.ts';
import { complianceRoutes } from '../compliance/compliance-routes.ts';
import { settingsRoutes } from '../settings/settings-routes.ts';
import { caseSubjectAccessRoutes, staffSubjectAccessRoutes } from '../subject-access/subject-access-routes.ts';
import { retentionRoutes } from '../retention/retention-routes.ts';
import { teamRoutes } from '../teams/team-routes.ts';
import { platformActivityRoutes } from '../tenants/platform-activity-routes.ts';
import { tenantRoutes } from '../tenants/tenant-routes.ts';
import { adminExportRoutes } from '../offboarding/admin-export-routes.ts';
import { operatorExportRoutes } from '../offboarding/operator-export-routes.ts';
import { deletionRoutes } from '../offboarding/deletion-routes.ts';
import { templateCopyRoutes } from '../templates/template-copy-routes.ts';
import { templateRoutes } from '../templates/template-routes.ts';
import { userRoutes } from '../users/user-routes.ts';
import type { AppEnv } from './app-env.ts';
import type { ApiDependencies } from './dependencies.ts';

const METHODS_WITHOUT_BODY = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The API's routes by capability group. In AWS each group is a Lambda of its own
 * (`lambda-<group>.ts`, infra/api/api-functions.ts), to which API Gateway sends the path
 * prefixes `api-groups.ts` names, so that each function bundles only its own routes; on one
 * machine and in the tests `createApp` serves every group from one app. This is the one place
 * routes are listed: a route under a prefix already here needs nothing else; a new prefix goes
 * to the casework group (API Gateway's catch-all) unless it is added to `API_GROUP_PREFIXES`.
 *
 * `open` routes are mounted under /v1 first, each with the checks it needs; `staff` routes
 * then go under /v1 behind one sign-in check for a member of a tenant's staff.
 */
export interface RouteGroup {
  open?: (v1: Hono<AppEnv>) => void;
  staff?: (staff: Hono<AppEnv>) => void;
}

/** The health check, the API's description, council sign-in and the platform operator's routes. */
export const platformGroup: RouteGroup = {
  open: (v1) => {
    v1.route('/health', healthRoutes);
    // Public, and before the staff routes so their sign-in check does not apply.
    v1.route('/', openApiRoutes);
    v1.route('/sign-in', signInRoutes);
    // Before the staff routes, whose checks refuse the operator.
    v1.route('/platform', new Hono<AppEnv>().use('*', authenticate, requireOperator).route('/tenants', tenantRoutes).route('/tenants', operatorExportRoutes).route('/tenants', deletionRoutes).route('/activity', platformActivityRoutes));
  },
};

/** The have-your-say area (no staff sign-in; its response routes check their own signed session) and what staff do with it. */
export const engagementGroup: RouteGroup = {
  open: (v1) => {
    v1.route('/public', publicRoutes);
    v1.route('/public', responseRoutes);
    v1.route('/public', publicEntryRoutes);
  },
  staff: (staff) => {
    staff.route('/engagement/activities', engagementActivityRoutes);
    staff.route('/engagement/activities', codeRoutes);
    staff.route('/engagement/activities', activityResultsRoutes);
    staff.route('/engagement', resultsRoutes);
    staff.route('/engagement/you-said-we-did', entryRoutes);
    staff.route('/alerts', alertRoutes);
  },
};

/** Figures and learning across the service: dashboards, practitioners' learning, records compliance, thematic reviews, work shadowing, the moderation report; importing cases from a spreadsheet and exporting all the authority's data. */
export const insightGroup: RouteGroup = {
  staff: (staff) => {
    staff.route('/dashboards', serviceRoutes);
    staff.route('/dashboards', teamPageRoutes);
    staff.route('/practitioners', learningRoutes);
    staff.route('/compliance', complianceRoutes);
    staff.route('/reviews', reviewRoutes);
    staff.route('/shadowing', shadowingRoutes);
    staff.route('/moderation', moderationReportRoutes);
    // Imports move an import on and read its records; the file readers are the jobs Lambda's.
    staff.route('/imports', importRoutes);
    // A full export of the authority's data, the other way out (made by the offboarding job).
    staff.route('/data-exports', adminExportRoutes);
  },
};

/** Cases, audits and actions, and the authority's own set-up: the default group, which also answers any other /v1 address. */
export const caseworkGroup: RouteGroup = {
  open: (v1) => {
    v1.use('/me', authenticate, recheckCaller);
    v1.route('/me', meRoutes);
  },
  staff: (staff) => {
    staff.route('/cases', caseRoutes);
    staff.route('/cases', caseAuditRoutes);
    staff.route('/cases', journeyRoutes);
    staff.route('/cases', caseEvidenceRoutes);
    staff.route('/cases', caseSubjectAccessRoutes);
    staff.route('/templates', templateRoutes);
    staff.route('/templates', templateCopyRoutes);
    staff.route('/audits', auditRoutes);
    staff.route('/audits', auditLifecycleRoutes);
    staff.route('/audits', reflectionRoutes);
    staff.route('/audits', gradeViewRoutes);
    staff.route('/audits', moderationRoutes);
    staff.route('/audits', auditFileRoutes);
    staff.route('/programmes', programmeRoutes);
    staff.route('/programmes', sampleRoutes);
    staff.route('/actions', actionListRoutes);
    staff.route('/actions', actionRoutes);
    staff.route('/actions', actionLifecycleRoutes);
    staff.route('/actions', actionImpactRoutes);
    staff.route('/actions', actionFileRoutes);
    staff.route('/teams', teamRoutes);
    staff.route('/users', userRoutes);
    staff.route('/users', staffSubjectAccessRoutes);
    staff.route('/retention', retentionRoutes);
    staff.route('/settings', settingsRoutes);
    staff.route('/identity-provider', connectionRoutes);
    staff.route('/activity', activityRoutes);
    staff.route('/dev/outbox', devOutboxRoutes);
  },
};

/** Every group, in the order they are mounted on one machine. */
export const ALL_ROUTE_GROUPS: readonly RouteGroup[] = [platformGroup, engagementGroup, insightGroup, caseworkGroup];

/** The whole API, as it runs on one machine and in the tests. */
export function createApp(deps: ApiDependencies) {
  return composeApp(deps, ALL_ROUTE_GROUPS);
}

/** The app with the given groups' routes: all of them locally, one in each Lambda. */
export function composeApp(deps: ApiDependencies, groups: readonly RouteGroup[]) {
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    const started = performance.now();
    const requestId = c.req.header('x-request-id')?.slice(0, 64) ?? randomUUID();
    c.set('deps', deps);
    c.set('requestId', requestId);
    // Every line logged while answering carries the request id, and the tenant once known.
    await runWithLogContext({ requestId, tenantId: null }, async () => {
      await next();
      // On the response's own headers: `c.header` after the handler has answered rebuilds the
      // whole response (and its body as a stream), which was a visible part of every read.
      const headers = c.res.headers;
      headers.set('x-request-id', requestId);
      headers.set('x-content-type-options', 'nosniff');
      const tenantId = currentLogContext()?.tenantId ?? null;
      tenantMetrics.request(tenantId, c.res.status);
      // Method, route pattern and status only: never bodies, tokens or ids from the path.
      logger.info('request', {
        method: c.req.method,
        route: c.req.routePath,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      });
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
      logger.error('database unavailable', { route: c.req.routePath, error: error instanceof Error ? error.name : 'unknown' });
      return problemResponse(new ApiError('unavailable', 'The database cannot be reached; try again shortly'), c.req.path);
    }
    logger.error('unhandled error', { route: c.req.routePath, error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : String(error) });
    return problemResponse(new ApiError('internal', `Something went wrong; quote request ${c.var.requestId} if you report it`), c.req.path);
  });

  app.notFound((c) => problemResponse(new ApiError('not-found', 'There is nothing at this address'), c.req.path));

  const v1 = new Hono<AppEnv>();
  for (const group of groups) group.open?.(v1);
  const staff = new Hono<AppEnv>().use('*', authenticate, requireTenant, limitStaffRequests, recheckCaller, idempotentPosts);
  for (const group of groups) group.staff?.(staff);
  v1.route('/', staff);
  return app.route('/v1', v1);
}

export type AppType = ReturnType<typeof createApp>;
