/**
 * Attaching a file from a plain form post (it works with JavaScript off): the portal takes the
 * file from the multipart body, asks the API for an upload, sends the file to the bucket with
 * that presigned POST, and asks the API to confirm it. The name the person's computer gave the
 * file is passed on as text only; the API checks it and never uses it in a key or header.
 */
import type { RequestEvent } from '@sveltejs/kit';
import { createApi } from '../server/api.ts';
import { ApiError } from '../server/errors.ts';
import { fileApi } from './file-api.server.ts';
import { problemFromStatus, type FileProblem } from './file-words.ts';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export type AttachResult = { ok: true; fileId: string } | { ok: false; problem: FileProblem };

/** `parent` is the API path of what the file is attached to (`actionFiles(id)`, …). */
export async function attachFile(event: RequestEvent, parent: string, file: File): Promise<AttachResult> {
  if (file.size === 0) return { ok: false, problem: 'empty' };
  if (file.size > MAX_FILE_BYTES) return { ok: false, problem: 'too-big' };
  const files = fileApi(createApi(event));
  try {
    const started = await files.start(parent, { filename: file.name, size: file.size });
    const form = new FormData();
    for (const [name, value] of Object.entries(started.upload.fields)) form.append(name, value);
    form.append('file', file, 'upload');
    const sent = await fetch(started.upload.url, { method: 'POST', body: form, signal: AbortSignal.timeout(60_000) });
    if (!sent.ok) return { ok: false, problem: sent.status === 400 && file.size > MAX_FILE_BYTES ? 'too-big' : 'missing' };
    await files.confirm(parent, started.file.id);
    return { ok: true, fileId: started.file.id };
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return { ok: false, problem: problemFromStatus(e.status, e.problem.detail ?? '') };
  }
}

/** The file field of a multipart form, when one was chosen (a form with none sends an empty, nameless part). */
export function chosenFile(form: FormData, name = 'file'): File | null {
  const value = form.get(name);
  return value instanceof File && (value.size > 0 || value.name !== '') ? value : null;
}
