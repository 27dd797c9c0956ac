/**
 * The one way Waypoint code reaches stored files (evidence, imports, exports): S3 in AWS and a
 * real S3-compatible server on one machine, through the same SDK calls. Keys come from
 * `tenantObjectKey`; the store refuses any key outside `tenants/<tenantId>/` and, in AWS, signs
 * every call and URL with credentials scoped to the key's own tenant.
 */
import type { Readable } from 'node:stream';

export interface PresignedPost {
  url: string;
  /** Form fields to send before the file field (named `file`), in this order. */
  fields: Record<string, string>;
}

export interface StoredObjectHead {
  key: string;
  size: number;
  contentType: string | undefined;
  etag: string | undefined;
  lastModified: Date | undefined;
  /** Object tags (GuardDuty's scan result among them); empty where the server has none. */
  tags: Record<string, string>;
  /** User metadata (`x-amz-meta-<name>` without the prefix, lower case), as the uploader sent it. */
  metadata: Record<string, string>;
}

export interface ListedObject {
  key: string;
  size: number;
  lastModified: Date | undefined;
}

export interface ObjectStore {
  /**
   * A browser upload straight to the bucket: exactly `key`, between 1 byte and `maxBytes`.
   * `successRedirect`: where the storage service sends the browser after the upload, so a plain
   * HTML form (no JavaScript) comes back to the portal. `uploaderMetadata`: names of metadata
   * the uploader's form may fill with any value (the policy lets `x-amz-meta-<name>` through).
   */
  presignPost(options: { key: string; maxBytes: number; contentType?: string; expiresSeconds: number; successRedirect?: string; uploaderMetadata?: readonly string[] }): Promise<PresignedPost>;
  /** A short-lived download link whose response names the file safely (see content-disposition.ts). */
  presignGet(options: { key: string; filename: string; contentType: string; expiresSeconds: number }): Promise<string>;
  /** The object's size, type and tags, or null when there is none. */
  head(key: string): Promise<StoredObjectHead | null>;
  /** The object's bytes from `start` (default 0) to its end, as they arrive: never the whole object in memory. */
  getStream(key: string, options?: { start?: number }): Promise<Readable | null>;
  /** Bytes `start` to `end` inclusive (fewer when the object is shorter); null when there is none. */
  getBytes(key: string, range: { start: number; end: number }): Promise<Uint8Array | null>;
  /** Streams are sent in parts (multipart upload) once they pass one part's size. */
  put(key: string, body: Uint8Array | string | Readable, contentType: string): Promise<void>;
  list(prefix: string): AsyncIterable<ListedObject>;
  deleteMany(keys: readonly string[]): Promise<void>;
}
