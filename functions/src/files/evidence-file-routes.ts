/**
 * The four evidence file routes, the same for every kind of parent (an action, an audit
 * section, a reflection): `POST <parent>/files` starts an upload (a presigned POST for exactly
 * one key, at most 20 MB); `POST <parent>/files/{fileId}/confirm` checks what arrived (not
 * empty, not too big, a type we accept judged from its content) and hands it to the malware
 * check; `GET <parent>/files` lists them; `GET <parent>/files/{fileId}/download` gives a
 * short-lived link once the file is clean. Each parent says who may see it (anyone else gets
 * 404, as for a missing parent) and who may attach to it. A rejected file leaves nothing stored.
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
import { StartUploadBody } from './file-schemas.ts';
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
const DOWNLOAD_SECONDS = 60;

function fileView(file: EvidenceFile) {
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

/** Mounts the four routes under `base` (a path with the parent's own parameters). */
export function evidenceFileRoutes(base: string, parents: FileParentFinder): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();

  routes.get(`${base}/files`, async (c) => {
    const parent = await parents.find(c);
    const files = await listFiles(c.var.tenant, parent.type, parent.id);
    const latest = await Promise.all(files.filter((f) => f.status !== 'uploading').map((f) => withLatestVerdict(c, f)));
    return c.json({ items: latest.map(fileView) });
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
    const upload = await deps.objects.presignPost({ key: file.key, maxBytes: MAX_FILE_BYTES, expiresSeconds: UPLOAD_SECONDS });
    return c.json({ file: fileView(file), upload }, 201);
  });

  routes.post(`${base}/files/:fileId/confirm`, async (c) => {
    const parent = await parents.find(c);
    parent.requireAttach?.();
    const fileId = readParam(c, 'fileId', EntityId);
    const { tenant, deps } = c.var;
    const file = await getFile(tenant, parent.type, parent.id, fileId);
    if (!file) throw notFound('file');
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
    const confirmed = { status: 'checking' as const, size: head.size, mime: kind.mime, kind: kind.label, confirmedAt: clock.nowIso() };
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
