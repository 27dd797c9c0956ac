/** How the evidence file routes appear in the OpenAPI document. */
import * as v from 'valibot';
import { AUDIT_READERS } from '@waypoint/shared/audits/audit-roles';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { PartId } from '@waypoint/shared/templates/template-schemas';
import { describeRoutes, type RouteDoc } from '../openapi/route-docs.ts';
import { StartUploadBody, UploadFormBody } from './file-schemas.ts';

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
interface FileParentDoc {
  /** The parent's path, before `/files`. */
  base: string;
  /** What the parent is called in summaries: `an action`, `a section of an audit`, … */
  name: string;
  params: RouteDoc['params'] & object;
  /** Who may see the files, and who may attach them. */
  see: string;
  attach: string;
}

function fileDocs({ base, name, params, see, attach }: FileParentDoc): RouteDoc[] {
  const fileParams = { ...params, fileId: EntityId };
  const SEE = see;
  const ATTACH = attach;
  return [
    {
      method: 'get',
      path: `${base}/files`,
      tag: 'Evidence files',
      summary: `List the files attached to ${name}`,
      description: `Files still being checked are asked about again. ${SEE}`,
      access: AUDIT_READERS,
      params,
      success: { status: 200, description: 'The files, oldest first', schema: v.object({ items: v.array(FileResource) }) },
    },
    {
      method: 'post',
      path: `${base}/files`,
      tag: 'Evidence files',
      summary: `Start uploading a file to ${name}`,
      description: `Answers a presigned POST for one key (form fields, then the file as \`file\`), at most 20 MB, valid for 15 minutes; then confirm. An empty file is a 400 and one over 20 MB a 413. ${ATTACH}`,
      access: AUDIT_READERS,
      params,
      body: StartUploadBody,
      otherErrors: [413],
      success: { status: 201, description: 'The file record and where to send the file', schema: v.object({ file: FileResource, upload: v.object({ url: v.string(), fields: v.record(v.string(), v.string()) }) }) },
    },
    {
      method: 'post',
      path: `${base}/files/upload-form`,
      tag: 'Evidence files',
      summary: `Sign an upload form for ${name}`,
      description: `For a plain HTML form that posts the file straight to the storage service (no JavaScript needed): a presigned POST for one new key, at most 20 MB, stored as application/octet-stream whatever the browser says, valid for an hour, after which the storage service sends the browser to the portal's \`returnTo\` path (the bucket, key and ETag added as query parameters). The form may carry the file's name (percent-encoded or as typed, printable ASCII) in \`nameField\`. Nothing is recorded until the upload is confirmed with \`fileId\`. ${ATTACH}`,
      access: AUDIT_READERS,
      params,
      body: UploadFormBody,
      success: {
        status: 200,
        description: 'The new file id, the form fields and where to post them',
        schema: v.object({ fileId: v.string(), upload: v.object({ url: v.string(), fields: v.record(v.string(), v.string()) }), nameField: v.string(), expiresInSeconds: v.number() }),
      },
    },
    {
      method: 'post',
      path: `${base}/files/{fileId}/confirm`,
      tag: 'Evidence files',
      summary: 'Confirm an uploaded file',
      description: `Checks what arrived (an upload from a signed form is recorded now, named as the form said or else by its type and the day): empty (400), over 20 MB (413) or not a PDF, image or Office document judged from its content (415) removes it and its record. Not arrived yet, or confirmed already (a second, racing confirmation): 409. Then the malware check. ${ATTACH}`,
      access: AUDIT_READERS,
      params: fileParams,
      otherErrors: [409, 413, 415],
      success: { status: 200, description: 'The file, `checking` or already `clean` or `threat`', schema: v.object({ file: FileResource }) },
    },
    {
      method: 'get',
      path: `${base}/files/{fileId}/download`,
      tag: 'Evidence files',
      summary: 'A short-lived download link for a clean file',
      description: `Valid for 60 seconds; the download names the file with an encoded Content-Disposition. Still being checked: 409; removed because a threat was found: 410. ${SEE}`,
      access: AUDIT_READERS,
      params: fileParams,
      otherErrors: [409, 410],
      success: { status: 200, description: 'The link', schema: v.object({ url: v.string(), expiresInSeconds: v.number() }) },
    },
  ];
}

const everyAuditFile: RouteDoc = {
  method: 'get',
  path: '/v1/audits/{id}/files',
  tag: 'Evidence files',
  summary: 'Every file on an audit, by section and by reflection',
  description: 'For the audit’s record and print view: the received files of each section of its template and of each reflection (each oldest first, an empty list where there are none). For whoever may see the audit (404 otherwise, as for a missing audit).',
  access: AUDIT_READERS,
  params: { id: EntityId },
  success: {
    status: 200,
    description: 'Files by section id and by reflection id',
    schema: v.object({ sections: v.record(v.string(), v.array(FileResource)), reflections: v.record(v.string(), v.array(FileResource)) }),
  },
};

export const fileRouteDocs = describeRoutes([
  everyAuditFile,
  ...fileDocs({ base: '/v1/actions/{id}', name: 'an action', params: { id: EntityId }, see: 'For whoever may see the action (404 otherwise, as for a missing action).', attach: 'For whoever may see the action (404 otherwise, as for a missing action).' }),
  ...fileDocs({
    base: '/v1/audits/{id}/sections/{sectionId}',
    name: 'a section of an audit',
    params: { id: EntityId, sectionId: PartId },
    see: 'For whoever may see the audit (404 otherwise, as for a missing audit); a section the audit’s template does not have is a 404.',
    attach: 'For the auditor, case holder and student of the audit and those who run audits, if they may see it (404 otherwise; 403 for other readers); a cancelled audit takes no files (409).',
  }),
  ...fileDocs({
    base: '/v1/audits/{id}/reflections/{reflectionId}',
    name: 'a reflection on an audit',
    params: { id: EntityId, reflectionId: EntityId },
    see: 'For whoever may see the audit (404 otherwise, as for a missing audit or reflection).',
    attach: 'For the reflection’s author only (403 for other readers of the audit; 404 for anyone who may not see it); a cancelled audit takes no files (409).',
  }),
]);
