/**
 * What imports need of the object store (`deps.objects`): a presigned POST for the upload,
 * and reading the uploaded file back. Every key starts with the tenant's own prefix.
 */
import { Readable } from 'node:stream';
import type { ImportFileSource } from './import-file.ts';

export interface ImportObjects {
  presignPost(options: { key: string; maxBytes: number; contentType?: string; expiresSeconds: number; successRedirect?: string }): Promise<{ url: string; fields: Record<string, string> }>;
  head(key: string): Promise<{ size: number } | null>;
  getStream(key: string): Promise<Readable | null>;
  getBytes(key: string, range: { start: number; end: number }): Promise<Uint8Array | null>;
}

/** The key of an import's uploaded file: the tenant's, the imports area, and the import's id (never the file's own name). */
export function importObjectKey(tenantId: string, importId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(tenantId) || !/^[0-9A-Z]{26}$/.test(importId)) throw new Error('unsafe import key');
  return `tenants/${tenantId}/imports/${importId}`;
}

/** The uploaded file as the row reader reads it; undefined while it has not arrived. */
export async function importFileSource(objects: ImportObjects, key: string): Promise<ImportFileSource | undefined> {
  const found = await objects.head(key);
  if (!found) return undefined;
  return {
    size: found.size,
    stream: async (start = 0) => {
      const body = start === 0 ? await objects.getStream(key) : await objects.getBytes(key, { start, end: found.size - 1 }).then((bytes) => bytes && Readable.from([Buffer.from(bytes)]));
      if (!body) throw new Error('uploaded file missing');
      return body;
    },
  };
}

/** Uploads above this are refused by the store itself; up to it, the check says in plain words why a big file cannot be imported. */
export const UPLOAD_CEILING_BYTES = 100 * 1024 * 1024;
