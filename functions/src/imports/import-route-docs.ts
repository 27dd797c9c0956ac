/** How the import routes appear in the OpenAPI document. */
import * as v from 'valibot';
import { CreateImportBody, ImportId, ImportMappingBody, IMPORT_KINDS, IMPORT_OUTCOMES, IMPORT_SOURCES, IMPORT_STATUSES } from '@waypoint/shared/imports/import-schemas';
import { describeRoutes } from '../openapi/route-docs.ts';
import { nextCursor } from '../openapi/resource-fields.ts';

const TAG = 'Imports';
const IMPORTERS = ['qa', 'senior', 'admin'] as const;
const WHO = 'QA officers and senior managers import cases and journey events; QA officers and tenant admins import staff. An import of a kind the caller does not import is a 404, as is another authority’s.';
const Timestamp = v.pipe(v.string(), v.isoTimestamp());
const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const ImportResource = v.pipe(
  v.object({
    id: ImportId,
    kind: v.picklist(IMPORT_KINDS),
    source: v.picklist(IMPORT_SOURCES),
    fileName: v.string(),
    format: v.picklist(['csv', 'xlsx']),
    status: v.picklist(IMPORT_STATUSES),
    mapping: v.optional(v.pipe(v.record(v.string(), v.string()), v.description('The file’s column for each field'))),
    headers: v.optional(v.pipe(v.array(v.string()), v.description('The file’s header row, once read'))),
    fileProblem: v.optional(v.pipe(v.string(), v.description('Why the whole file cannot be imported, or why the mapping cannot be checked'))),
    rowsTotal: Count,
    rowsDone: Count,
    rowsWithProblems: Count,
    problemsListed: Count,
    attempt: v.pipe(Count, v.description('How many times the file has been checked')),
    counts: v.object(Object.fromEntries(IMPORT_OUTCOMES.map((o) => [o, Count])) as Record<(typeof IMPORT_OUTCOMES)[number], typeof Count>),
    createdBy: v.string(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    acceptedBy: v.optional(v.string()),
    acceptedAt: v.optional(Timestamp),
    finishedAt: v.optional(Timestamp),
    version: v.number(),
  }),
  v.title('Import'),
);

const Upload = v.pipe(v.object({ url: v.string(), fields: v.record(v.string(), v.string()) }), v.description('A presigned POST: send `fields` then the file as `file`, straight to the storage service'), v.title('ImportUpload'));
const NewImportResource = v.pipe(v.object({ ...ImportResource.entries, upload: Upload }), v.title('NewImport'));
const ImportListResource = v.pipe(v.object({ items: v.array(ImportResource), nextCursor }), v.title('ImportList'));
const ProblemListResource = v.pipe(v.object({ items: v.array(v.object({ row: Count, column: v.string(), message: v.string() })), nextCursor }), v.title('ImportProblemList'));
const RefusedListResource = v.pipe(v.object({ items: v.array(v.object({ row: Count, key: v.string(), reasons: v.array(v.object({ column: v.string(), message: v.string() })) })), nextCursor }), v.title('ImportRefusedList'));
const Page = v.object({ limit: v.optional(v.string()), cursor: v.optional(v.string()) });
const params = { id: ImportId };

export const importRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/imports',
    tag: TAG,
    summary: 'List recent imports',
    description: `Newest first, the kinds the caller imports. ${WHO}`,
    access: IMPORTERS,
    query: Page,
    success: { status: 200, description: 'A page of imports', schema: ImportListResource },
  },
  {
    method: 'post',
    path: '/v1/imports',
    tag: TAG,
    summary: 'Start an import',
    description: `Creates the import and a presigned POST for its file (up to 100 MB is accepted by the store; over 50 MB the check refuses it in plain words). ${WHO}`,
    access: IMPORTERS,
    body: CreateImportBody,
    success: { status: 201, description: 'The import, waiting for its file, and where to upload it', schema: NewImportResource, location: true },
  },
  {
    method: 'get',
    path: '/v1/imports/{id}',
    tag: TAG,
    summary: 'Read an import',
    description: `Its status, the rows done of the rows in the file and the counts. ${WHO}`,
    access: IMPORTERS,
    params,
    success: { status: 200, description: 'The import', schema: ImportResource },
  },
  {
    method: 'post',
    path: '/v1/imports/{id}/upload',
    tag: TAG,
    summary: 'Upload again',
    description: 'A fresh presigned POST while the file has not been uploaded (409 after).',
    access: IMPORTERS,
    params,
    otherErrors: [409],
    success: { status: 200, description: 'Where to upload the file', schema: v.object({ upload: Upload }) },
  },
  {
    method: 'post',
    path: '/v1/imports/{id}/uploaded',
    tag: TAG,
    summary: 'Say the file is uploaded',
    description: 'The import job reads the file’s columns and suggests a mapping (409 if the file has not arrived).',
    access: IMPORTERS,
    params,
    otherErrors: [409],
    success: { status: 200, description: 'The import', schema: ImportResource },
  },
  {
    method: 'put',
    path: '/v1/imports/{id}/mapping',
    tag: TAG,
    summary: 'Choose which column is which, and check the file',
    description: 'Saved for the next file of this kind from this source. Every row is checked again; nothing is written but the problems. 400 when a required field has no column or a column is not in the file; 409 once the import has started.',
    access: IMPORTERS,
    params,
    body: ImportMappingBody,
    otherErrors: [409],
    success: { status: 200, description: 'The import, being checked', schema: ImportResource },
  },
  {
    method: 'get',
    path: '/v1/imports/{id}/problems',
    tag: TAG,
    summary: 'The check’s problems',
    description: 'Row, column and what is wrong in plain words, in row order (at most 5,000 listed).',
    access: IMPORTERS,
    params,
    query: Page,
    success: { status: 200, description: 'A page of problems', schema: ProblemListResource },
  },
  {
    method: 'post',
    path: '/v1/imports/{id}/accept',
    tag: TAG,
    summary: 'Import the checked file',
    description: 'Rows with problems are refused, the rest applied in chunks by the import job. Accepting again answers with the import as it stands; 409 before the check.',
    access: IMPORTERS,
    params,
    otherErrors: [409],
    success: { status: 200, description: 'The import, importing', schema: ImportResource },
  },
  {
    method: 'post',
    path: '/v1/imports/{id}/cancel',
    tag: TAG,
    summary: 'Cancel an import before it starts',
    description: '409 once it has started.',
    access: IMPORTERS,
    params,
    otherErrors: [409],
    success: { status: 200, description: 'The import, cancelled', schema: ImportResource },
  },
  {
    method: 'get',
    path: '/v1/imports/{id}/refused',
    tag: TAG,
    summary: 'The refused rows',
    description: 'Each refused row with its reference as written and why, in row order.',
    access: IMPORTERS,
    params,
    query: Page,
    success: { status: 200, description: 'A page of refused rows', schema: RefusedListResource },
  },
  {
    method: 'get',
    path: '/v1/imports/{id}/refused.csv',
    tag: TAG,
    summary: 'The refused rows as CSV',
    description: 'Row, reference, column and reason; a cell a spreadsheet would read as a formula is escaped.',
    access: IMPORTERS,
    params,
    success: { status: 200, description: 'CSV', contentType: 'text/csv' },
  },
]);
