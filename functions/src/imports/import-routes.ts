/**
 * `/v1/imports`: bring a case-management system's export in. Create an import (and get a
 * presigned POST to upload the file straight to the private bucket), say the upload is done,
 * choose the columns, read the check's problems, accept, follow progress and download the
 * refused rows. The import job does the reading; these routes only move the import on.
 */
import { Hono } from 'hono';
import { ulid } from 'ulid';
import * as v from 'valibot';
import { CreateImportBody, ImportId, ImportMappingBody, IMPORT_FIELDS, IMPORT_KIND_LABELS, IMPORT_SOURCE_LABELS, type ImportRecord, type ImportStatus } from '@waypoint/shared/imports/import-schemas';
import { canImport, canImportAnything } from '@waypoint/shared/imports/import-roles';
import { toCsv } from '@waypoint/shared/reporting/csv';
import { clock } from '@waypoint/shared/time/clock';
import type { AppEnv } from '../api/app-env.ts';
import type { StaffCaller, TenantContext } from '../platform/auth/caller.ts';
import { ApiError, forbidden, notFound } from '../platform/http/api-error.ts';
import { readJsonBody, readParam, readQuery } from '../platform/http/validation.ts';
import { importObjectKey, UPLOAD_CEILING_BYTES } from './import-objects.ts';
import { getImport, listImportRows, listImports, moveImport, putNewImport, saveMapping, type StoredImport } from './import-store.ts';
import { mappingProblems } from './import-mapping.ts';
import { logger } from '../platform/logging/logger.ts';

export const importRoutes = new Hono<AppEnv>();

const PageQuery = v.object({
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'limit must be a whole number'), v.transform(Number), v.minValue(1), v.maxValue(200))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(2048))),
});

function objectsOf(c: { var: AppEnv['Variables'] }) {
  return c.var.deps.objects;
}

/** A presigned POST that brings the browser back to the import's page once the file is up. */
function presignUpload(c: { var: AppEnv['Variables'] }, record: Pick<StoredImport, 'id' | 'objectKey'>) {
  return objectsOf(c).presignPost({ key: record.objectKey, maxBytes: UPLOAD_CEILING_BYTES, expiresSeconds: 15 * 60, successRedirect: `${c.var.deps.portalUrl}/imports/${record.id}/uploaded` });
}

/** The import as the API shows it: where the file is kept and the job's bookkeeping stay inside. */
function shown(record: StoredImport): ImportRecord {
  const { objectKey: _k, checkpoint: _c, leaseUntil: _l, ...rest } = record;
  return rest;
}

/** Another tenant's import, or one of a kind the caller does not import, is a 404. */
async function findImport(tenant: TenantContext, staff: StaffCaller, id: string): Promise<StoredImport> {
  const record = await getImport(tenant, id);
  if (!record || !canImport(staff.role, record.kind)) throw notFound('import');
  return record;
}

/** The person's change is saved whatever happens here: an import whose start is lost is found by the scheduled sweep. */
async function kick(c: { var: AppEnv['Variables'] }, id: string): Promise<void> {
  try {
    await c.var.deps.startImportWork?.(c.var.tenant.tenantId, id);
  } catch (error) {
    logger.warn('import job not started; the schedule will pick the import up', { importId: id, error: error instanceof Error ? error.message : 'unknown' });
  }
}

importRoutes.get('/', async (c) => {
  const { tenant, staff } = c.var;
  if (!canImportAnything(staff.role)) throw forbidden('Only QA officers, senior managers and tenant admins import files');
  const query = readQuery(c, PageQuery);
  const page = await listImports(tenant, { limit: query.limit ?? 25, cursor: query.cursor });
  return c.json({ items: page.items.filter((i) => canImport(staff.role, i.kind)).map(shown), nextCursor: page.nextCursor });
});

importRoutes.post('/', async (c) => {
  const { tenant, staff } = c.var;
  const body = await readJsonBody(c, CreateImportBody);
  if (!canImport(staff.role, body.kind)) throw forbidden('Your role does not import files of this kind');
  const at = clock.nowIso();
  const id = ulid(clock.now().getTime());
  const objectKey = importObjectKey(tenant.tenantId, id);
  const record: StoredImport = {
    id,
    ...body,
    fileName: body.fileName ?? `${IMPORT_KIND_LABELS[body.kind]} from ${IMPORT_SOURCE_LABELS[body.source]}`,
    status: 'uploading',
    rowsTotal: 0,
    rowsDone: 0,
    rowsWithProblems: 0,
    problemsListed: 0,
    attempt: 0,
    counts: { created: 0, updated: 0, unchanged: 0, refused: 0 },
    createdBy: staff.userId,
    createdAt: at,
    updatedAt: at,
    version: 1,
    objectKey,
  };
  await putNewImport(tenant, record);
  const upload = await presignUpload(c, record);
  c.header('Location', `/v1/imports/${id}`);
  return c.json({ ...shown(record), upload }, 201);
});

importRoutes.get('/:id', async (c) => {
  const record = await findImport(c.var.tenant, c.var.staff, readParam(c, 'id', ImportId));
  return c.json(shown(record));
});

/** A fresh presigned POST, for a second try at uploading (the first one's may have expired). */
importRoutes.post('/:id/upload', async (c) => {
  const record = await findImport(c.var.tenant, c.var.staff, readParam(c, 'id', ImportId));
  if (record.status !== 'uploading') throw new ApiError('conflict', 'The file has already been uploaded');
  const upload = await presignUpload(c, record);
  return c.json({ upload });
});

/** The browser says the upload is done: if the file is there, the job reads its columns. */
importRoutes.post('/:id/uploaded', async (c) => {
  const { tenant, staff } = c.var;
  const record = await findImport(tenant, staff, readParam(c, 'id', ImportId));
  if (record.status === 'uploading') {
    const found = await objectsOf(c).head(record.objectKey);
    if (!found) throw new ApiError('conflict', 'The file has not arrived yet: upload it first');
    await moveImport({ tenant, record, from: ['uploading'], changes: { status: 'reading' }, at: clock.nowIso() });
    await kick(c, record.id);
  }
  return c.json(shown((await getImport(tenant, record.id))!));
});

/** Choosing the columns checks the file again from the start, and keeps the choice for the next file from this source. */
importRoutes.put('/:id/mapping', async (c) => {
  const { tenant, staff } = c.var;
  const record = await findImport(tenant, staff, readParam(c, 'id', ImportId));
  const body = await readJsonBody(c, ImportMappingBody);
  const known = new Set(IMPORT_FIELDS[record.kind].map((f) => f.name));
  const mapping = Object.fromEntries(Object.entries(body.mapping).filter(([, column]) => column !== ''));
  const errors = Object.keys(mapping)
    .filter((field) => !known.has(field))
    .map((field) => ({ path: `mapping.${field}`, message: 'Not a field of this kind of file' }));
  const problems = mappingProblems({ kind: record.kind, headers: record.headers, mapping });
  if (errors.length || problems.length) throw new ApiError('validation', problems[0] ?? 'The mapping names fields this kind of file does not have', { errors: [...errors, ...problems.map((message) => ({ path: 'mapping', message }))] });
  const from: ImportStatus[] = ['mapping', 'checked'];
  if (!from.includes(record.status)) throw new ApiError('conflict', 'The columns can be chosen only before the import starts');
  const at = clock.nowIso();
  const moved = await moveImport({ tenant, record, from, changes: { status: 'checking', mapping, attempt: record.attempt + 1, fileProblem: undefined, rowsTotal: 0, rowsWithProblems: 0, problemsListed: 0 }, at });
  if (!moved) throw new ApiError('conflict', 'The import moved on meanwhile; read it again');
  await saveMapping(tenant, { kind: record.kind, source: record.source, mapping, savedBy: staff.userId, savedAt: at });
  await kick(c, record.id);
  return c.json(shown((await getImport(tenant, record.id))!));
});

importRoutes.get('/:id/problems', async (c) => {
  const { tenant, staff } = c.var;
  const record = await findImport(tenant, staff, readParam(c, 'id', ImportId));
  const query = readQuery(c, PageQuery);
  if (record.attempt === 0) return c.json({ items: [], nextCursor: null });
  const page = await listImportRows<{ row: number; column: string; message: string }>(tenant, record.id, tenant.keys.importProblemsPrefix(record.attempt), { limit: query.limit ?? 50, cursor: query.cursor });
  return c.json({ items: page.items.map(({ row, column, message }) => ({ row, column, message })), nextCursor: page.nextCursor });
});

/** Accepting the preview starts the import; accepting again is answered with the import as it stands. */
importRoutes.post('/:id/accept', async (c) => {
  const { tenant, staff } = c.var;
  const record = await findImport(tenant, staff, readParam(c, 'id', ImportId));
  if (record.status === 'checked') {
    const at = clock.nowIso();
    await moveImport({ tenant, record, from: ['checked'], changes: { status: 'importing', checkpoint: { nextRow: 0 }, acceptedBy: staff.userId, acceptedAt: at }, at });
  } else if (record.status !== 'importing' && record.status !== 'done') throw new ApiError('conflict', 'Only a checked file can be imported');
  await kick(c, record.id);
  return c.json(shown((await getImport(tenant, record.id))!));
});

importRoutes.post('/:id/cancel', async (c) => {
  const { tenant, staff } = c.var;
  const record = await findImport(tenant, staff, readParam(c, 'id', ImportId));
  const moved = await moveImport({ tenant, record, from: ['uploading', 'mapping', 'checked', 'refused'], changes: { status: 'cancelled' }, at: clock.nowIso() });
  if (!moved && record.status !== 'cancelled') throw new ApiError('conflict', 'An import that has started cannot be cancelled');
  return c.json(shown((await getImport(tenant, record.id))!));
});

/** The refused rows and why, a page at a time, in row order. */
importRoutes.get('/:id/refused', async (c) => {
  const { tenant, staff } = c.var;
  const record = await findImport(tenant, staff, readParam(c, 'id', ImportId));
  const query = readQuery(c, PageQuery);
  const page = await listImportRows<RefusedRow>(tenant, record.id, 'REFUSED#', { limit: query.limit ?? 50, cursor: query.cursor });
  return c.json({ items: page.items.map(({ row, key, reasons }) => ({ row, key, reasons })), nextCursor: page.nextCursor });
});

interface RefusedRow {
  row: number;
  key: string;
  reasons: { column: string; message: string }[];
}

/** The refused rows and why, as CSV; a cell that looks like a formula is escaped. */
importRoutes.get('/:id/refused.csv', async (c) => {
  const { tenant, staff } = c.var;
  const record = await findImport(tenant, staff, readParam(c, 'id', ImportId));
  const lines: (string | number)[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listImportRows<RefusedRow>(tenant, record.id, 'REFUSED#', { limit: 500, cursor });
    for (const item of page.items) for (const reason of item.reasons) lines.push([item.row, item.key, reason.column, reason.message]);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  c.header('content-type', 'text/csv; charset=utf-8');
  c.header('content-disposition', `attachment; filename="refused-rows-${record.id}.csv"`);
  return c.body(toCsv(['Row', 'Reference', 'Column', 'Reason'], lines));
});
