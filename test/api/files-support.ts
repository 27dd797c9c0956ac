/** Evidence file uploads over HTTP, as the portal makes them: start, POST to the bucket, confirm. */
import type { TestStack } from '../support/stack.ts';
import { expectJson, jsonInit } from './api-client.ts';

export interface FileView {
  id: string;
  filename: string;
  size: number;
  kind: string | null;
  mime: string | null;
  status: 'uploading' | 'checking' | 'clean' | 'threat';
}
export interface Started {
  file: FileView;
  upload: { url: string; fields: Record<string, string> };
}

export const pdfBytes = (text = 'Minutes of the visit') => Buffer.from(`%PDF-1.4\n1 0 obj <<>> endobj\n% ${text}\ntrailer <<>>\n%%EOF\n`);
/** A Windows program's first bytes (MZ header and PE signature), renamed to look like a PDF. */
export const exeBytes = () => {
  const bytes = Buffer.alloc(512, 0);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
};
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/** A file's parent: an action's id, or the path of any parent (`/v1/audits/<id>/sections/<sectionId>`). */
export const parentPath = (parent: string) => (parent.startsWith('/v1/') ? parent : `/v1/actions/${parent}`);

export async function startUpload(stack: TestStack, email: string, parent: string, filename: string, size: number): Promise<Started> {
  return expectJson<Started>(await stack.api(email, `${parentPath(parent)}/files`, jsonInit('POST', { filename, size })), 201);
}

export async function postToBucket(started: Started, bytes: Buffer, name = 'upload'): Promise<Response> {
  const form = new FormData();
  for (const [field, value] of Object.entries(started.upload.fields)) form.append(field, value);
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return fetch(started.upload.url, { method: 'POST', body: form });
}

export function confirm(stack: TestStack, email: string, parent: string, fileId: string): Promise<Response> {
  return stack.api(email, `${parentPath(parent)}/files/${fileId}/confirm`, { method: 'POST' });
}

export async function attach(stack: TestStack, email: string, parent: string, filename: string, bytes: Buffer): Promise<FileView> {
  const started = await startUpload(stack, email, parent, filename, bytes.length);
  await postToBucket(started, bytes);
  return (await expectJson<{ file: FileView }>(await confirm(stack, email, parent, started.file.id))).file;
}

export interface UploadForm {
  fileId: string;
  upload: { url: string; fields: Record<string, string> };
  nameField: string;
}

/** A form the API signs for a page, as the portal asks for one. */
export async function uploadForm(stack: TestStack, email: string, parent: string, returnTo: string): Promise<UploadForm> {
  return expectJson<UploadForm>(await stack.api(email, `${parentPath(parent)}/files/upload-form`, jsonInit('POST', { returnTo })));
}

/** What a browser sends from that form: the signed fields, the name field the page filled (if any), the file last; redirects not followed. */
export async function postForm(form: UploadForm, bytes: Buffer, name?: string): Promise<Response> {
  const body = new FormData();
  for (const [field, value] of Object.entries(form.upload.fields)) body.append(field, value);
  body.append(form.nameField, name === undefined ? '' : encodeURIComponent(name));
  body.append('file', new Blob([new Uint8Array(bytes)]), 'upload');
  return fetch(form.upload.url, { method: 'POST', body, redirect: 'manual' });
}

/** The policy a presigned POST carries, decoded. */
export const policyOf = (fields: Record<string, string>) => JSON.parse(Buffer.from(fields.Policy!, 'base64').toString()) as { conditions: unknown[] };
