/**
 * The evidence file routes, the same for every kind of parent (an action, an audit section, a
 * reflection): `POST <parent>/files` starts an upload of a named file of a known size (a
 * presigned POST for exactly one key, at most 20 MB); `POST <parent>/files/upload-form` signs
 * the same for a plain HTML form, which knows neither until the person chooses the file: the
 * browser posts it straight to the bucket and the storage service sends it back to the portal;
 * `POST <parent>/files/{fileId}/confirm` checks what arrived (not empty, not too big, a type we
 * accept judged from its content) and hands it to the malware check; `GET <parent>/files` lists
 * them; `GET <parent>/files/{fileId}/download` gives a short-lived link once the file is clean.
 * Each parent says who may see it (anyone else gets 404, as for a missing parent) and who may
 * attach to it. A rejected file leaves nothing stored.
 */
import { Hono, type Context } from 'hono';
import { clock } from '@waypoint/shared/time/clock';
import { EntityId } from '@waypoint/shared/cases/case-schemas';
import { ulid } from 'ulid';
import type { AppEnv } from '../api/app-env.ts';
import { ApiError, notFound } from '../platform/http/api-error.ts';
import { readJsonBody, readParam } from '../platform/http/validation.ts';
import { baseName } from '../storage/content-disposition.ts';
import { tenantObjectKey } from '../storage/object-keys.ts';
import { ACCEPTED_DESCRIPTION, detectKind, MAX_FILE_BYTES } from './file-kinds.ts';
import { guardDutyTagScan } from './file-scan.ts';
import { FILENAME_METADATA, nameFromForm, StartUploadBody, UploadFormBody } from './file-schemas.ts';
import { deleteFileRecord, getFile, listFiles, moveFile, putNewFile, type EvidenceFile, type FileParentType } from './file-store.ts';

/** A parent the caller may see: its file partition and the generated ids its object keys sit under. */
export interface FileParent {
  type: FileParentType;
  id: string;
  /** Key parts after `evidence/`, all generated ids. */
  keyParts: string[];
  /** Throws (403, 409) if the caller may see the parent but not attach to it; without it every viewer may attach. */
  requireAttach?(): void;
}

export interface FileParentFinder {
  /** The parent if the caller may see it; otherwise throws the parent's 404. */
  find(c: Context<AppEnv>): Promise<FileParent>;
}

const UPLOAD_SECONDS = 15 * 60;
/** A form is signed when its page opens, and people read the page first: an hour to choose the file. */
const FORM_UPLOAD_SECONDS = 60 * 60;
/**
 * The stored object's type is fixed by the policy, whatever the browser claims: the file's real
 * type is judged from its content when it is confirmed, and served as that.
 */
const STORED_TYPE = 'application/octet-stream';
const DOWNLOAD_SECONDS = 60;

export function fileView(file: EvidenceFile) {
  return { id: file.id, filename: file.filename, size: file.size, kind: file.kind ?? null, mime: file.mime ?? null, status: file.status, createdAt: file.createdAt, createdById: file.createdById };
}

function sizeProblem(size: number): ApiError | undefined {
  if (size === 0) return new ApiError('validation', 'The file is empty', { errors: [{ path: 'file', message: 'The file is empty: choose a file with something in it' }] });
  if (size > MAX_FILE_BYTES) return new ApiError('payload-too-large', 'Files can be up to 20 MB', { errors: [{ path: 'file', message: 'The file is larger than 20 MB' }] });
  return undefined;
}

/** Removes a rejected upload entirely: the object (if any arrived) and its record. */
async function discard(c: Context<AppEnv>, file: EvidenceFile) {
  await c.var.deps.objects.deleteMany([file.key]);
  await deleteFileRecord(c.var.tenant, file);
}

/** Files still being checked are asked about again when they are listed or opened. */
async function withLatestVerdict(c: Context<AppEnv>, file: EvidenceFile): Promise<EvidenceFile> {
  if (file.status !== 'checking') return file;
  const scan = c.var.deps.fileScan ?? guardDutyTagScan(c.var.deps.objects);
  const verdict = await scan.verdict(file.key);
  if (verdict === 'pending') return file;
  if (verdict === 'threat') await c.var.deps.objects.deleteMany([file.key]);
  const status = verdict === 'clean' ? 'clean' : 'threat';
  await moveFile(c.var.tenant, file, 'checking', { status });
  return { ...file, status };
}

/** A parent's received files (an upload not yet confirmed is nobody's business), each with its latest verdict. */
export async function receivedFiles(c: Context<AppEnv>, parentType: FileParentType, parentId: string) {
  const files = await listFiles(c.var.tenant, parentType, parentId);
  const latest = await Promise.all(files.filter((f) => f.status !== 'uploading').map((f) => withLatestVerdict(c, f)));
  return latest.map(fileView);
}

const londonDay = (at: Date) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(at);

/**
 * A form upload has no record until it is confirmed: an object at the key only the API signs
 * (for someone who may attach to this parent) is the proof it was ours. Its name comes from the
 * form (never trusted: last part only), or, when none came, from its type once that is known.
 * Two confirmations racing: the second record is refused as already received.
 */
async function recordFormUpload(c: Context<AppEnv>, parent: FileParent, fileId: string): Promise<EvidenceFile> {
  const { tenant, staff, deps } = c.var;
  const key = tenantObjectKey(tenant.tenantId, 'evidence', ...parent.keyParts, fileId);
  const head = await deps.objects.head(key);
  if (!head) throw notFound('file');
  const file: EvidenceFile = {
    id: fileId,
    parentType: parent.type,
    parentId: parent.id,
    filename: nameFromForm(head.metadata[FILENAME_METADATA]),
    key,
    status: 'uploading',
    size: head.size,
    createdAt: clock.nowIso(),
    createdById: staff.userId,
  };
  try {
    await putNewFile(tenant, file);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) throw new ApiError('conflict', 'This file has already been received');
    throw error;
  }
  return file;
}

/** Mounts the routes under `base` (a path with the parent's own parameters). */
export function evidenceFileRoutes(base: string, parents: FileParentFinder): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get(`${base}/files`, async (c) => {
    const parent = await parents.find(c);
    return c.json({ items: await receivedFiles(c, parent.type, parent.id) });
  });

  routes.post(`${base}/files`, async (c) => {
    const parent = await parents.find(c);
    parent.requireAttach?.();
    const body = await readJsonBody(c, StartUploadBody);
    const problem = sizeProblem(body.size);
    if (problem) throw problem;
    const { tenant, staff, deps } = c.var;
    const id = ulid(clock.now().getTime());
    const file: EvidenceFile = {
      id,
      parentType: parent.type,
      parentId: parent.id,
      filename: baseName(body.filename),
      key: tenantObjectKey(tenant.tenantId, 'evidence', ...parent.keyParts, id),
      status: 'uploading',
      size: body.size,
      createdAt: clock.nowIso(),
      createdById: staff.userId,
    };
    await putNewFile(tenant, file);
    const upload = await deps.objects.presignPost({ key: file.key, maxBytes: MAX_FILE_BYTES, contentType: STORED_TYPE, expiresSeconds: UPLOAD_SECONDS });
    return c.json({ file: fileView(file), upload }, 201);
  });

  // Nothing is written until the upload is confirmed: a page that is opened and left signs a
  // form and stores nothing. Only someone who may attach gets a form, for one new key.
  routes.post(`${base}/files/upload-form`, async (c) => {
    const parent = await parents.find(c);
    parent.requireAttach?.();
    const body = await readJsonBody(c, UploadFormBody);
    const { tenant, deps } = c.var;
    const fileId = ulid(clock.now().getTime());
    const upload = await deps.objects.presignPost({
      key: tenantObjectKey(tenant.tenantId, 'evidence', ...parent.keyParts, fileId),
      maxBytes: MAX_FILE_BYTES,
      contentType: STORED_TYPE,
      expiresSeconds: FORM_UPLOAD_SECONDS,
      successRedirect: `${deps.portalUrl}${body.returnTo}`,
      uploaderMetadata: [FILENAME_METADATA],
    });
    return c.json({ fileId, upload, nameField: `x-amz-meta-${FILENAME_METADATA}`, expiresInSeconds: FORM_UPLOAD_SECONDS });
  });

  routes.post(`${base}/files/:fileId/confirm`, async (c) => {
    const parent = await parents.find(c);
    parent.requireAttach?.();
    const fileId = readParam(c, 'fileId', EntityId);
    const { tenant, deps } = c.var;
    const found = await getFile(tenant, parent.type, parent.id, fileId);
    const file = found ?? (await recordFormUpload(c, parent, fileId));
    if (file.status !== 'uploading') throw new ApiError('conflict', 'This file has already been received');
    const head = await deps.objects.head(file.key);
    if (!head) throw new ApiError('conflict', 'The file has not arrived yet: upload it, then confirm');
    const problem = sizeProblem(head.size);
    if (problem) {
      await discard(c, file);
      throw problem;
    }
    const content = await deps.objects.getStream(file.key);
    const kind = content ? await detectKind(content) : undefined;
    if (!kind) {
      await discard(c, file);
      throw new ApiError('unsupported-media-type', `This is not a file Waypoint can keep: attach ${ACCEPTED_DESCRIPTION}`, { errors: [{ path: 'file', message: `Attach ${ACCEPTED_DESCRIPTION}` }] });
    }
    const filename = file.filename || `${kind.label} added ${londonDay(clock.now())}`;
    const confirmed = { status: 'checking' as const, filename, size: head.size, mime: kind.mime, kind: kind.label, confirmedAt: clock.nowIso() };
    // Two confirmations of one upload: the first moves it on, the second is told so.
    if (!(await moveFile(tenant, file, 'uploading', confirmed))) throw new ApiError('conflict', 'This file has already been received');
    const checked = await withLatestVerdict(c, { ...file, ...confirmed });
    return c.json({ file: fileView(checked) });
  });

  routes.get(`${base}/files/:fileId/download`, async (c) => {
    const parent = await parents.find(c);
    const fileId = readParam(c, 'fileId', EntityId);
    const found = await getFile(c.var.tenant, parent.type, parent.id, fileId);
    if (!found || found.status === 'uploading') throw notFound('file');
    const file = await withLatestVerdict(c, found);
    if (file.status === 'checking') throw new ApiError('conflict', 'This file is still being checked; try again in a minute');
    if (file.status === 'threat') throw new ApiError('gone', 'This file was removed: the malware check found a threat in it');
    const url = await c.var.deps.objects.presignGet({ key: file.key, filename: file.filename, contentType: file.mime ?? 'application/octet-stream', expiresSeconds: DOWNLOAD_SECONDS });
    return c.json({ url, expiresInSeconds: DOWNLOAD_SECONDS });
  });

  return routes;
}
