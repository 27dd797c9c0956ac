/**
 * The OpenAPI 3.1 document, built from the route descriptions each capability keeps
 * beside its handlers, so the document and the validation share one set of schemas.
 */
import { ROLE_LABELS, STAFF_ROLES } from '@waypoint/shared/tenancy/roles';
import { actionRouteDocs } from '../actions/action-route-docs.ts';
import { fileRouteDocs } from '../files/file-route-docs.ts';
import { activityRouteDocs } from '../activity/activity-routes.ts';
import { alertRouteDocs } from '../alerts/alert-route-docs.ts';
import { auditRouteDocs } from '../audits/audit-route-docs.ts';
import { gradeViewRouteDocs } from '../grade-views/grade-view-route-docs.ts';
import { dashboardRouteDocs } from '../dashboards/dashboard-route-docs.ts';
import { devOutboxRouteDocs } from '../dev-outbox/dev-outbox-routes.ts';
import { engagementRouteDocs } from '../engagement/engagement-route-docs.ts';
import { resultsRouteDocs } from '../engagement/results/results-route-docs.ts';
import { connectionRouteDocs } from '../federation/connection-routes.ts';
import { signInRouteDocs } from '../federation/sign-in-routes.ts';
import { importRouteDocs } from '../imports/import-route-docs.ts';
import { journeyRouteDocs } from '../journey/journey-route-docs.ts';
import { moderationRouteDocs } from '../moderation/moderation-route-docs.ts';
import { ApiError, PROBLEM_CONTENT_TYPE, type ProblemKind } from '../platform/http/api-error.ts';
import { programmeRouteDocs } from '../programmes/programme-route-docs.ts';
import { publicRouteDocs } from '../public/public-route-docs.ts';
import { shadowingRouteDocs } from '../shadowing/shadowing-route-docs.ts';
import { complianceRouteDocs } from '../compliance/compliance-route-docs.ts';
import { reviewRouteDocs } from '../reviews/review-route-docs.ts';
import { settingsRouteDocs } from '../settings/settings-routes.ts';
import { subjectAccessRouteDocs } from '../subject-access/subject-access-routes.ts';
import { retentionRouteDocs } from '../retention/retention-routes.ts';
import { teamRouteDocs } from '../teams/team-routes.ts';
import { templateCopyRouteDocs } from '../templates/template-copy-routes.ts';
import { templateRouteDocs } from '../templates/template-routes.ts';
import { userRouteDocs } from '../users/user-routes.ts';
import { platformActivityRouteDocs } from '../tenants/platform-activity-routes.ts';
import { tenantRouteDocs } from '../tenants/tenant-routes.ts';
import { dataExportRouteDocs } from '../offboarding/data-export-route-docs.ts';
import { deletionRouteDocs } from '../offboarding/deletion-routes.ts';
import { coreRouteDocs } from './core-route-docs.ts';
import { jsonSchemaConverter, namedSchemas, type JsonSchema } from './json-schemas.ts';
import { Problem } from './resource-fields.ts';
import type { AnySchema, RouteDoc } from './route-docs.ts';

export const ROUTE_DOCS: readonly RouteDoc[] = [
  ...coreRouteDocs,
  ...templateRouteDocs,
  ...templateCopyRouteDocs,
  ...auditRouteDocs,
  ...gradeViewRouteDocs,
  ...journeyRouteDocs,
  ...moderationRouteDocs,
  ...programmeRouteDocs,
  ...actionRouteDocs,
  ...fileRouteDocs,
  ...dashboardRouteDocs,
  ...teamRouteDocs,
  ...importRouteDocs,
  ...userRouteDocs,
  ...settingsRouteDocs,
  ...subjectAccessRouteDocs,
  ...retentionRouteDocs,
  ...connectionRouteDocs,
  ...signInRouteDocs,
  ...activityRouteDocs,
  ...engagementRouteDocs,
  ...resultsRouteDocs,
  ...alertRouteDocs,
  ...shadowingRouteDocs,
  ...complianceRouteDocs,
  ...reviewRouteDocs,
  ...publicRouteDocs,
  ...devOutboxRouteDocs,
  ...tenantRouteDocs,
  ...dataExportRouteDocs,
  ...deletionRouteDocs,
  ...platformActivityRouteDocs,
];

const TAGS = [
  { name: 'Platform', description: 'Health and the signed-in user.' },
  { name: 'Cases', description: 'Cases, identified by the authority’s own reference.' },
  { name: 'Templates', description: 'Audit templates and engagement forms, as immutable numbered versions.' },
  { name: 'Audits', description: 'Journey of the Child audits and TAC Reflective Case Summaries, with reflections.' },
  { name: 'Journey', description: 'The child’s journey through the service, with the statutory timescales met or missed.' },
  { name: 'Moderation', description: 'QA re-grading a sample of audits, and how far auditors and moderators agree.' },
  { name: 'Programme', description: 'The monthly audit programme: each manager’s sample, planned audits, and what is late.' },
  { name: 'Actions', description: 'Remedial actions raised from audit findings, tracked to done and verified.' },
  { name: 'Records compliance', description: 'Monthly records compliance checks of drawn cases against a built-in checklist, and the report from the monthly totals.' },
  { name: 'Dashboards', description: 'The evidence at service, case and practitioner level, from pre-computed monthly totals.' },
  { name: 'Teams', description: 'The teams cases belong to and managers lead.' },
  { name: 'Users', description: 'The authority’s staff.' },
  { name: 'Imports', description: 'Cases, staff and journey events from a case-management system’s export: upload, map the columns, check every row, then import in resumable chunks.' },
  { name: 'Settings', description: 'How the authority names and runs its QA framework.' },
  { name: 'Sign-in', description: 'How an email address signs in, and the council’s own identity provider.' },
  { name: 'Activity', description: 'Who changed what, and when.' },
  { name: 'Engagement', description: 'Surveys, consultations and events for children, young people and families, and the invitation codes that open them.' },
  { name: 'Thematic reviews', description: 'Reviews of one theme across a cohort of cases: the cohort drawn or picked, reviewers’ audits, findings, recommendations and their actions, sign-off and the published report.' },
  { name: 'Alerts', description: 'Safety alerts raised when a response says someone may not be safe, and what staff did about them.' },
  { name: 'Have your say', description: 'The public engagement area: no sign-in; a code or public link opens a short signed session for one response.' },
  { name: 'Development', description: 'Routes that exist only on one machine.' },
  { name: 'Authorities', description: 'For the platform operator alone: creating authorities, their status and size (counts only, never case data), and what operators did.' },
];

const DESCRIPTION = [
  'Waypoint’s staff API. Every tenant route works in the tenant and role carried by the verified access token; no path, query, header or body can name another tenant, and a `tenantId` in a body is an unknown field.',
  'Errors are `application/problem+json` (RFC 9457); validation problems list `errors` as `{ path, message }` and never echo rejected values. Something in another tenant, or outside your scope, is a 404, the same as something that does not exist.',
  'Items carry a `version`, sent as the `ETag`. A PATCH must send it back in `If-Match`: 428 without it, 412 when someone else changed the item first. A POST may send an `Idempotency-Key`; a retry with the same key and body returns the first response, and the same key with a different body is a 422.',
  'Lists are paged with a bounded `limit` and the opaque `nextCursor` of the previous page.',
].join('\n\n');

const STATUS_KIND: Record<number, ProblemKind> = {
  400: 'validation',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  410: 'gone',
  412: 'precondition-failed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'idempotency-conflict',
  428: 'precondition-required',
  429: 'too-many-requests',
  500: 'internal',
  503: 'unavailable',
};

/** The statuses a route can fail with, from what it takes and who may call it. */
export function errorStatuses(doc: RouteDoc): number[] {
  const statuses = new Set<number>(doc.otherErrors ?? []);
  if (doc.access !== 'public') statuses.add(401);
  if (Array.isArray(doc.access) || doc.access === 'operator') statuses.add(403);
  if (doc.params || doc.query || doc.body) statuses.add(400);
  if (doc.params) statuses.add(404);
  if (doc.body) [413, 415].forEach((s) => statuses.add(s));
  if (doc.ifMatch) [412, 428].forEach((s) => statuses.add(s));
  if (doc.method === 'post' && doc.access !== 'public') [409, 422].forEach((s) => statuses.add(s));
  statuses.add(500);
  return [...statuses].sort((a, b) => a - b);
}

export function operationId(doc: RouteDoc): string {
  const words = doc.path
    .split('/')
    .filter((part) => part && part !== 'v1')
    .map((part) => (part.startsWith('{') ? `by-${part.slice(1, -1)}` : part))
    .flatMap((part) => part.split('-'));
  return doc.method + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function whoMayCall(doc: RouteDoc): string {
  if (doc.access === 'public') return 'Anyone; no token needed.';
  if (doc.access === 'signed-in') return 'Anyone signed in, the platform operator included.';
  if (doc.access === 'operator') return 'The platform operator only.';
  if (STAFF_ROLES.every((role) => doc.access.includes(role))) return 'Any member of the authority’s staff.';
  return `Staff whose role is ${doc.access.map((role) => `\`${role}\` (${ROLE_LABELS[role].toLowerCase()})`).join(', ')}.`;
}

function buildOperation(doc: RouteDoc, convert: ReturnType<typeof jsonSchemaConverter>) {
  const parameters: Record<string, unknown>[] = [];
  for (const [name, schema] of Object.entries(doc.params ?? {})) parameters.push({ name, in: 'path', required: true, schema: convert.request(schema) });
  if (doc.query) {
    const query = convert.request(doc.query);
    const required = new Set(query.required ?? []);
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      const description = doc.queryNotes?.[name] ?? (typeof schema === 'object' ? schema.description : undefined);
      parameters.push({ name, in: 'query', required: required.has(name), ...(description ? { description } : {}), schema });
    }
  }
  if (doc.ifMatch) parameters.push({ $ref: '#/components/parameters/IfMatch' });
  if (doc.method === 'post' && doc.access !== 'public') parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });

  const successHeaders: Record<string, unknown> = {};
  if (doc.success.etag) successHeaders.ETag = { $ref: '#/components/headers/ETag' };
  if (doc.success.location) successHeaders.Location = { description: 'Where the new item can be read', schema: { type: 'string' } };
  const responses: Record<string, unknown> = {
    [doc.success.status]: {
      description: doc.success.description,
      ...(Object.keys(successHeaders).length ? { headers: successHeaders } : {}),
      ...(doc.success.schema ? { content: { [doc.success.contentType ?? 'application/json']: { schema: convert.response(doc.success.schema) } } } : {}),
    },
  };
  for (const status of errorStatuses(doc)) responses[status] = { $ref: `#/components/responses/Problem${status}` };

  return {
    operationId: operationId(doc),
    tags: [doc.tag],
    summary: doc.summary,
    description: [doc.description, `Who may call it: ${whoMayCall(doc)}`].filter(Boolean).join('\n\n'),
    'x-waypoint-access': doc.access,
    security: doc.access === 'public' ? [] : [{ bearer: [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(doc.body ? { requestBody: { required: true, content: { 'application/json': { schema: convert.request(doc.body) } } } } : {}),
    responses,
  };
}

function problemResponses(statuses: number[]) {
  return Object.fromEntries(
    statuses.map((status) => {
      const kind = STATUS_KIND[status];
      if (!kind) throw new Error(`No problem kind for status ${status}`);
      const headers = status === 401 ? { headers: { 'WWW-Authenticate': { description: 'Always `Bearer`', schema: { type: 'string' } } } } : {};
      return [`Problem${status}`, { description: new ApiError(kind, '').title, ...headers, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } } }];
    }),
  );
}

export function buildOpenApiDocument(docs: readonly RouteDoc[] = ROUTE_DOCS) {
  const roots: AnySchema[] = [Problem, ...docs.flatMap((d) => [d.body, d.query, d.success.schema, ...Object.values(d.params ?? {})].filter((s): s is AnySchema => s !== undefined))];
  const convert = jsonSchemaConverter(namedSchemas(roots));
  const paths: Record<string, Record<string, unknown>> = {};
  for (const doc of docs) (paths[doc.path] ??= {})[doc.method] = buildOperation(doc, convert);
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: { title: 'Waypoint API', version: '1', summary: 'Quality assurance for children’s social care', description: DESCRIPTION },
    servers: [{ url: '/' }],
    tags: TAGS.filter((tag) => docs.some((d) => d.tag === tag.name)),
    paths,
    components: {
      schemas: convert.components() as Record<string, JsonSchema>,
      responses: problemResponses([...new Set(docs.flatMap(errorStatuses))].sort((a, b) => a - b)),
      parameters: {
        IfMatch: { name: 'If-Match', in: 'header', required: true, description: 'The ETag you last read, e.g. `"3"`', schema: { type: 'string', pattern: '^"\\d{1,9}"$' } },
        IdempotencyKey: { name: 'Idempotency-Key', in: 'header', required: false, description: 'A random value such as a UUID; a retry with the same key and body returns the first response', schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,128}$' } },
      },
      headers: { ETag: { description: 'The item’s version, e.g. `"3"`; send it back in If-Match', schema: { type: 'string' } } },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token from the authority’s sign-in (Cognito in AWS, the local OpenID provider on one machine)' } },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

let cached: OpenApiDocument | undefined;

/** Built once per process: the routes cannot change while it runs. */
export function openApiDocument(): OpenApiDocument {
  return (cached ??= buildOpenApiDocument());
}
