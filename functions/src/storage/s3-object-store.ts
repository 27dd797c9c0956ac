/**
 * The ObjectStore over the S3 API. In AWS each call is signed with the tenant data role's
 * credentials for the key's tenant (session tag `TenantId`), so IAM itself keeps one tenant out
 * of another's prefix; on one machine the local server's fixed credentials are used. The S3
 * packages are loaded on first use: most requests never touch a file.
 */
import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { contentDisposition } from './content-disposition.ts';
import { areaOfKey, tenantOfKey } from './object-keys.ts';
import type { ListedObject, ObjectStore, StoredObjectHead } from './object-store.ts';

/** S3's smallest part is 5 MiB; 8 MiB parts keep memory bounded while streaming. */
export const PART_BYTES = 8 * 1024 * 1024;

export interface S3ObjectStoreOptions {
  bucket: string;
  region: string;
  /** The local server's address; absent in AWS. */
  endpoint?: string;
  /** Fixed credentials (the local server's); otherwise `credentialsFor`, otherwise the default chain. */
  credentials?: AwsCredentialIdentity;
  /** Credentials scoped to one tenant (AWS: the tenant data role with a TenantId tag). */
  credentialsFor?: (tenantId: string) => AwsCredentialIdentityProvider;
}

/** Imports and exports carry an `area` tag, which the bucket's lifecycle rules expire by. */
function lifecycleTagging(key: string): string | undefined {
  const area = areaOfKey(key);
  return area === 'imports' || area === 'exports' ? `area=${area}` : undefined;
}

function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NotFound' || e?.name === 'NoSuchKey' || e?.$metadata?.httpStatusCode === 404;
}

/**
 * Reads a stream in parts of `size` bytes with one iterator for the whole stream (breaking out
 * of `for await` would destroy it), carrying what passes one part into the next.
 */
function partsOf(body: Readable, size: number): () => Promise<{ chunk: Buffer; done: boolean }> {
  const iterator = body[Symbol.asyncIterator]() as AsyncIterator<Buffer | Uint8Array | string>;
  let carry = Buffer.alloc(0);
  let ended = false;
  return async () => {
    const chunks: Buffer[] = [carry];
    let length = carry.length;
    while (length < size && !ended) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      const piece = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
      chunks.push(piece);
      length += piece.length;
    }
    const all = Buffer.concat(chunks);
    carry = all.subarray(size);
    const chunk = all.subarray(0, size);
    return { chunk, done: ended && carry.length === 0 };
  };
}

export function s3ObjectStore(options: S3ObjectStoreOptions): ObjectStore {
  const clients = new Map<string, Promise<S3Client>>();
  const sdk = () => import('@aws-sdk/client-s3');

  function clientFor(key: string): Promise<S3Client> {
    const tenantId = tenantOfKey(key);
    const cacheKey = options.credentialsFor ? tenantId : '';
    let client = clients.get(cacheKey);
    if (!client) {
      client = sdk().then(
        ({ S3Client }) =>
          new S3Client({
            region: options.region,
            ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
            credentials: options.credentials ?? options.credentialsFor?.(tenantId),
          }),
      );
      clients.set(cacheKey, client);
    }
    return client;
  }

  async function* listPages(prefix: string): AsyncIterable<ListedObject> {
    const client = await clientFor(prefix);
    const { ListObjectsV2Command } = await sdk();
    let token: string | undefined;
    do {
      const page = await client.send(new ListObjectsV2Command({ Bucket: options.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const item of page.Contents ?? []) {
        if (item.Key) yield { key: item.Key, size: item.Size ?? 0, lastModified: item.LastModified };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  async function putStream(key: string, body: Readable, contentType: string): Promise<void> {
    const client = await clientFor(key);
    const s3 = await sdk();
    const nextPart = partsOf(body, PART_BYTES);
    const first = await nextPart();
    const tagging = lifecycleTagging(key);
    if (first.done) {
      await client.send(new s3.PutObjectCommand({ Bucket: options.bucket, Key: key, Body: first.chunk, ContentType: contentType, Tagging: tagging }));
      return;
    }
    const started = await client.send(new s3.CreateMultipartUploadCommand({ Bucket: options.bucket, Key: key, ContentType: contentType, Tagging: tagging }));
    const uploadId = started.UploadId;
    if (!uploadId) throw new Error('The object server started no multipart upload');
    try {
      const parts: { ETag: string | undefined; PartNumber: number }[] = [];
      let next: { chunk: Buffer; done: boolean } = first;
      for (let number = 1; ; number++) {
        const sent = await client.send(new s3.UploadPartCommand({ Bucket: options.bucket, Key: key, UploadId: uploadId, PartNumber: number, Body: next.chunk }));
        parts.push({ ETag: sent.ETag, PartNumber: number });
        if (next.done) break;
        next = await nextPart();
        if (next.chunk.length === 0) break;
      }
      await client.send(new s3.CompleteMultipartUploadCommand({ Bucket: options.bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
    } catch (error) {
      await client.send(new s3.AbortMultipartUploadCommand({ Bucket: options.bucket, Key: key, UploadId: uploadId })).catch(() => undefined);
      throw error;
    }
  }

  return {
    async presignPost({ key, maxBytes, contentType, expiresSeconds, successRedirect, uploaderMetadata = [] }) {
      const client = await clientFor(key);
      const { createPresignedPost } = await import('@aws-sdk/s3-presigned-post');
      const conditions: Parameters<typeof createPresignedPost>[1]['Conditions'] = [['content-length-range', 1, maxBytes]];
      const fields: Record<string, string> = {};
      if (contentType) {
        conditions.push(['eq', '$Content-Type', contentType]);
        fields['Content-Type'] = contentType;
      }
      if (successRedirect) {
        fields.success_action_redirect = successRedirect;
        conditions.push(['eq', '$success_action_redirect', successRedirect]);
      }
      // Any value, so not a field of ours (fields are signed as they are): the form adds it.
      for (const name of uploaderMetadata) conditions.push(['starts-with', `$x-amz-meta-${name}`, '']);
      const tagging = lifecycleTagging(key);
      if (tagging) {
        const [name, value] = tagging.split('=');
        fields.tagging = `<Tagging><TagSet><Tag><Key>${name}</Key><Value>${value}</Value></Tag></TagSet></Tagging>`;
        conditions.push(['eq', '$tagging', fields.tagging]);
      }
      const post = await createPresignedPost(client, { Bucket: options.bucket, Key: key, Conditions: conditions, Fields: fields, Expires: expiresSeconds });
      return { url: post.url, fields: post.fields };
    },

    async presignGet({ key, filename, contentType, expiresSeconds }) {
      const client = await clientFor(key);
      const [{ GetObjectCommand }, { getSignedUrl }] = await Promise.all([sdk(), import('@aws-sdk/s3-request-presigner')]);
      const command = new GetObjectCommand({ Bucket: options.bucket, Key: key, ResponseContentDisposition: contentDisposition(filename), ResponseContentType: contentType });
      return getSignedUrl(client, command, { expiresIn: expiresSeconds });
    },

    async head(key): Promise<StoredObjectHead | null> {
      const client = await clientFor(key);
      const { HeadObjectCommand, GetObjectTaggingCommand } = await sdk();
      try {
        const head = await client.send(new HeadObjectCommand({ Bucket: options.bucket, Key: key }));
        const tagging = await client.send(new GetObjectTaggingCommand({ Bucket: options.bucket, Key: key })).catch(() => ({ TagSet: [] }));
        const tags = Object.fromEntries((tagging.TagSet ?? []).flatMap((tag) => (tag.Key ? [[tag.Key, tag.Value ?? '']] : [])));
        return { key, size: head.ContentLength ?? 0, contentType: head.ContentType, etag: head.ETag, lastModified: head.LastModified, tags, metadata: head.Metadata ?? {} };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async getStream(key, { start = 0 } = {}) {
      const client = await clientFor(key);
      const { GetObjectCommand } = await sdk();
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: key, ...(start > 0 ? { Range: `bytes=${start}-` } : {}) }));
        return object.Body instanceof Readable ? object.Body : null;
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },

    async getBytes(key, { start, end }) {
      const client = await clientFor(key);
      const { GetObjectCommand } = await sdk();
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: key, Range: `bytes=${start}-${end}` }));
        return object.Body ? await object.Body.transformToByteArray() : new Uint8Array();
      } catch (error) {
        if (isNotFound(error)) return null;
        // An empty object has no byte 0: S3 answers 416.
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 416) return new Uint8Array();
        throw error;
      }
    },

    async put(key, body, contentType) {
      if (body instanceof Readable) return putStream(key, body, contentType);
      const client = await clientFor(key);
      const { PutObjectCommand } = await sdk();
      await client.send(new PutObjectCommand({ Bucket: options.bucket, Key: key, Body: body, ContentType: contentType, Tagging: lifecycleTagging(key) }));
    },

    list(prefix) {
      tenantOfKey(prefix);
      return listPages(prefix);
    },

    async deleteMany(keys) {
      const byTenant = new Map<string, string[]>();
      for (const key of keys) {
        const tenantId = tenantOfKey(key);
        byTenant.set(tenantId, [...(byTenant.get(tenantId) ?? []), key]);
      }
      const { DeleteObjectsCommand } = await sdk();
      for (const tenantKeys of byTenant.values()) {
        const client = await clientFor(tenantKeys[0]!);
        for (let i = 0; i < tenantKeys.length; i += 1000) {
          const batch = tenantKeys.slice(i, i + 1000);
          const result = await client.send(new DeleteObjectsCommand({ Bucket: options.bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
          if (result.Errors?.length) throw new Error(`${result.Errors.length} objects could not be deleted`);
        }
      }
    },
  };
}
