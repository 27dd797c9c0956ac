/** How the evidence file routes appear in the OpenAPI document. */
import * as v from 'valibot';
import { AUDIT_READERS } from '@waypoint/shared/audits/audit-roles';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { describeRoutes } from '../openapi/route-docs.ts';
import { StartUploadBody } from './file-schemas.ts';

const FileResource = v.pipe(
  v.object({
    id: v.string(),
    filename: v.pipe(v.string(), v.description('The name it was given, without any folder; shown, never used in a path')),
    size: v.pipe(v.number(), v.description('Bytes')),
    kind: v.pipe(v.nullable(v.string()), v.description('What it is, judged from its content (PDF, Word document, …); null until confirmed')),
    mime: v.nullable(v.string()),
    status: v.pipe(v.picklist(['uploading', 'checking', 'clean', 'threat']), v.description('`checking`: being checked for malware; only `clean` files can be downloaded')),
    createdAt: v.string(),
    createdById: v.string(),
  }),
  v.title('EvidenceFile'),
);
const params = { id: EntityId };
const fileParams = { id: EntityId, fileId: EntityId };
const SEE = 'For whoever may see the action (404 otherwise, as for a missing action).';

export const fileRouteDocs = describeRoutes([
  {
    method: 'get',
    path: '/v1/actions/{id}/files',
    tag: 'Evidence files',
    summary: 'List the files attached to an action',
    description: `Files still being checked are asked about again. ${SEE}`,
    access: AUDIT_READERS,
    params,
    success: { status: 200, description: 'The action’s files, oldest first', schema: v.object({ items: v.array(FileResource) }) },
  },
  {
    method: 'post',
    path: '/v1/actions/{id}/files',
    tag: 'Evidence files',
    summary: 'Start uploading a file to an action',
    description: `Answers a presigned POST for one key (form fields, then the file as \`file\`), at most 20 MB, valid for 15 minutes; then confirm. An empty file is a 400 and one over 20 MB a 413. ${SEE}`,
    access: AUDIT_READERS,
    params,
    body: StartUploadBody,
    otherErrors: [413],
    success: { status: 201, description: 'The file record and where to send the file', schema: v.object({ file: FileResource, upload: v.object({ url: v.string(), fields: v.record(v.string(), v.string()) }) }) },
  },
  {
    method: 'post',
    path: '/v1/actions/{id}/files/{fileId}/confirm',
    tag: 'Evidence files',
    summary: 'Confirm an uploaded file',
    description: `Checks what arrived: empty (400), over 20 MB (413) or not a PDF, image or Office document judged from its content (415) removes it and its record. Not arrived yet, or confirmed already (a second, racing confirmation): 409. Then the malware check. ${SEE}`,
    access: AUDIT_READERS,
    params: fileParams,
    otherErrors: [409, 413, 415],
    success: { status: 200, description: 'The file, `checking` or already `clean` or `threat`', schema: v.object({ file: FileResource }) },
  },
  {
    method: 'get',
    path: '/v1/actions/{id}/files/{fileId}/download',
    tag: 'Evidence files',
    summary: 'A short-lived download link for a clean file',
    description: `Valid for 60 seconds; the download names the file with an encoded Content-Disposition. Still being checked: 409; removed because a threat was found: 410. ${SEE}`,
    access: AUDIT_READERS,
    params: fileParams,
    otherErrors: [409, 410],
    success: { status: 200, description: 'The link', schema: v.object({ url: v.string(), expiresInSeconds: v.number() }) },
  },
]);
