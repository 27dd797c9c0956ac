/** Where an import's uploaded file is kept, and the file as the row reader reads it from the object store. */
import { Readable } from 'node:stream';
import type { ObjectStore } from '../storage/object-store.ts';
import { tenantObjectKey } from '../storage/object-keys.ts';
import type { ImportFileSource } from './import-file.ts';

/** The key of an import's uploaded file: the tenant's, the imports area, and the import's id (never the file's own name). */
export function importObjectKey(tenantId: string, importId: string): string {
  return tenantObjectKey(tenantId, 'imports', importId);
}

/** The uploaded file as the row reader reads it; undefined while it has not arrived. */
export async function importFileSource(objects: ObjectStore, key: string): Promise<ImportFileSource | undefined> {
  const found = await objects.head(key);
  if (!found) return undefined;
  return {
    size: found.size,
    stream: async (start = 0) => {
      // A ranged read streams too: an XLSX file's directory says where to start, and may say byte 0.
      const body = start >= found.size ? Readable.from([]) : await objects.getStream(key, { start });
      if (!body) throw new Error('uploaded file missing');
      return body;
    },
  };
}

/** Uploads above this are refused by the store itself; up to it, the check says in plain words why a big file cannot be imported. */
export const UPLOAD_CEILING_BYTES = 100 * 1024 * 1024;
