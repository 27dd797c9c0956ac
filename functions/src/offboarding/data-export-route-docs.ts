/**
 * The full data export routes as the API's description gives them: the operator's
 * (`operator-export-routes.ts`) and the admin's (`admin-export-routes.ts`).
 */
import * as v from 'valibot';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { DATA_EXPORT_STATES } from '@waypoint/shared/tenancy/offboarding-schemas';
import { describeRoutes } from '../openapi/route-docs.ts';
import { TenantId } from '../tenants/tenant-routes.ts';

const RecordCountSchema = v.object({ type: v.string(), description: v.string(), count: v.number() });

export const DataExportResource = v.pipe(
  v.object({
    id: EntityId,
    state: v.pipe(v.picklist(DATA_EXPORT_STATES), v.description('waiting; collecting (records being read); packaging (the ZIP being made); ready; failed')),
    requestedAt: v.pipe(v.string(), v.isoTimestamp()),
    requestedBy: v.pipe(v.string(), v.description('`operator`, or the id of the admin who asked')),
    records: v.pipe(v.array(RecordCountSchema), v.description('Records exported so far (or in all, once ready), by type')),
    recordsTotal: v.number(),
    finishedAt: v.optional(v.pipe(v.string(), v.isoTimestamp())),
    size: v.optional(v.pipe(v.number(), v.description('The ZIP’s size in bytes'))),
    filename: v.optional(v.string()),
  }),
  v.title('DataExport'),
);

const DownloadLink = v.object({ url: v.pipe(v.string(), v.description('Works for a minute')), expiresInSeconds: v.number() });
const ExportList = v.object({ items: v.array(DataExportResource) });
const ExportId = v.pipe(EntityId, v.description('The export’s id'));

const EXPORT_DESCRIPTION =
  'A ZIP with, for each kind of record (cases, audits with their answers, actions, journey events, reflections, programmes, staff, teams, settings, the activity log, anonymous Have your say responses, evidence files’ details and more), one CSV and one JSON file, and a README and manifest with the counts. Made by the offboarding job; an export already being made is answered again (200) rather than a second started.';

export const dataExportRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/platform/tenants/{id}/exports',
    tag: 'Offboarding',
    summary: 'List an authority’s full data exports',
    access: 'operator',
    params: { id: TenantId },
    otherErrors: [409],
    success: { status: 200, description: 'Newest first', schema: ExportList },
  },
  {
    method: 'post',
    path: '/v1/platform/tenants/{id}/exports',
    tag: 'Offboarding',
    summary: 'Export all of an authority’s data',
    description: `${EXPORT_DESCRIPTION} Refused (409, \`reason: tenant-deleted\`) once the authority’s deletion has started. No body.`,
    access: 'operator',
    params: { id: TenantId },
    otherErrors: [409],
    success: { status: 201, description: 'The export, queued', schema: DataExportResource, location: true },
  },
  {
    method: 'get',
    path: '/v1/platform/tenants/{id}/exports/{exportId}',
    tag: 'Offboarding',
    summary: 'Read a full data export’s progress',
    access: 'operator',
    params: { id: TenantId, exportId: ExportId },
    otherErrors: [409],
    success: { status: 200, description: 'The export', schema: DataExportResource },
  },
  {
    method: 'get',
    path: '/v1/platform/tenants/{id}/exports/{exportId}/download',
    tag: 'Offboarding',
    summary: 'A link to download a ready export',
    description: 'A presigned link that works for a minute. 409 (`reason: export-not-ready`) while it is being made.',
    access: 'operator',
    params: { id: TenantId, exportId: ExportId },
    otherErrors: [409],
    success: { status: 200, description: 'The link', schema: DownloadLink },
  },
  { method: 'get', path: '/v1/data-exports', tag: 'Offboarding', summary: 'List the authority’s full data exports', access: ['admin'], success: { status: 200, description: 'Newest first', schema: ExportList } },
  {
    method: 'post',
    path: '/v1/data-exports',
    tag: 'Offboarding',
    summary: 'Export all of the authority’s data',
    description: `${EXPORT_DESCRIPTION} No body. The activity log records who asked.`,
    access: ['admin'],
    success: { status: 201, description: 'The export, queued', schema: DataExportResource, location: true },
  },
  { method: 'get', path: '/v1/data-exports/{id}', tag: 'Offboarding', summary: 'Read a full data export’s progress', access: ['admin'], params: { id: ExportId }, success: { status: 200, description: 'The export', schema: DataExportResource } },
  {
    method: 'get',
    path: '/v1/data-exports/{id}/download',
    tag: 'Offboarding',
    summary: 'A link to download a ready export',
    description: 'A presigned link that works for a minute. 409 (`reason: export-not-ready`) while it is being made.',
    access: ['admin'],
    params: { id: ExportId },
    otherErrors: [409],
    success: { status: 200, description: 'The link', schema: DownloadLink },
  },
]);
