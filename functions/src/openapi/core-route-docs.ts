/**
 * Descriptions of the routes that live outside the capabilities documented beside their
 * own handlers: health, the signed-in user, this documentation, and cases.
 */
import * as v from 'valibot';
import { CaseFields, CaseRef, CASE_STATUSES, CreateCaseBody, EntityId, ListCasesQuery, UpdateCaseBody } from '@waypoint/shared/cases/case-schemas';
import { CASE_EDITORS, ROLE_LABELS } from '@waypoint/shared/tenancy/roles';
import { describeRoutes } from './route-docs.ts';
import { nextCursor, versionedFields } from './resource-fields.ts';

const CASE_READERS = ['student', 'practitioner', 'manager', 'qa', 'senior'] as const;

const CaseResource = v.pipe(
  v.object({
    ref: CaseRef,
    teamId: EntityId,
    caseType: CaseFields.caseType,
    ageBand: CaseFields.ageBand,
    holderId: CaseFields.holderId,
    studentId: CaseFields.studentId,
    status: v.picklist(CASE_STATUSES),
    label: CaseFields.label,
    ...versionedFields,
  }),
  v.title('Case'),
);

const Me = v.pipe(
  v.object({
    user: v.object({ id: v.string(), email: v.nullable(v.string()), name: v.nullable(v.string()) }),
    role: v.picklist(Object.keys(ROLE_LABELS)),
    teams: v.array(v.object({ id: EntityId, name: v.string() })),
    tenant: v.nullable(v.object({ id: v.pipe(v.string(), v.uuid()), slug: v.string(), name: v.string() })),
  }),
  v.title('Me'),
);

const CASE_SCOPES =
  'Practitioners see the cases they hold, students the cases they work on, managers their teams’ cases, QA officers and senior managers every case; tenant admins see none. A case outside your scope is a 404, the same as one that does not exist.';

export const coreRouteDocs = describeRoutes([
  { method: 'get', path: '/v1/health', tag: 'Platform', summary: 'Is the API up and can it reach its database?', access: 'public', otherErrors: [503], success: { status: 200, description: 'Healthy', schema: v.object({ status: v.literal('ok') }) } },
  {
    method: 'get',
    path: '/v1/me',
    tag: 'Platform',
    summary: 'The signed-in user, their role, teams and authority',
    description: 'The platform operator gets a user with no tenant.',
    access: 'signed-in',
    success: { status: 200, description: 'Who you are', schema: Me },
  },
  {
    method: 'get',
    path: '/v1/openapi.json',
    tag: 'Platform',
    summary: 'This API description',
    access: 'public',
    success: { status: 200, description: 'An OpenAPI 3.1 document', schema: v.looseObject({ openapi: v.literal('3.1.0'), info: v.looseObject({ title: v.string() }), paths: v.record(v.string(), v.unknown()) }) },
  },
  { method: 'get', path: '/v1/reference', tag: 'Platform', summary: 'This API description as a readable page', access: 'public', success: { status: 200, description: 'An HTML page', contentType: 'text/html', schema: v.string() } },
  {
    method: 'get',
    path: '/v1/cases',
    tag: 'Cases',
    summary: 'List the cases in your scope',
    description: CASE_SCOPES,
    access: CASE_READERS,
    query: ListCasesQuery,
    queryNotes: { limit: 'Page size, 1 to 100; 25 when absent', team: 'Only this team’s cases', caseType: 'Only cases of this type', status: 'Only open, or only closed, cases' },
    success: { status: 200, description: 'A page of cases', schema: v.object({ items: v.array(CaseResource), nextCursor }) },
  },
  { method: 'get', path: '/v1/cases/{ref}', tag: 'Cases', summary: 'Read a case', description: CASE_SCOPES, access: CASE_READERS, params: { ref: CaseRef }, success: { status: 200, description: 'The case', schema: CaseResource, etag: true } },
  {
    method: 'post',
    path: '/v1/cases',
    tag: 'Cases',
    summary: 'Create a case',
    description: 'Managers create cases in their own teams; QA officers and senior managers in any team. Send `Idempotency-Key` to make a retry safe.',
    access: CASE_EDITORS,
    body: CreateCaseBody,
    otherErrors: [409],
    success: { status: 201, description: 'The new case', schema: CaseResource, etag: true, location: true },
  },
  {
    method: 'patch',
    path: '/v1/cases/{ref}',
    tag: 'Cases',
    summary: 'Change a case',
    description: 'Managers change cases in their own teams; QA officers and senior managers any case. While the case’s reference is being changed by an import, a change is refused with 409: try again in a moment.',
    access: CASE_EDITORS,
    params: { ref: CaseRef },
    body: UpdateCaseBody,
    ifMatch: true,
    otherErrors: [409],
    success: { status: 200, description: 'The case as changed', schema: CaseResource, etag: true },
  },
]);
