/** The ObjectStore against the real local S3-compatible server: the calls every capability uses. */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition.ts';
import { LOCAL_OBJECT_CREDENTIALS, startLocalObjectServer, type LocalObjectServer } from './local-object-server.ts';
import { tenantObjectKey, tenantObjectPrefix } from './object-keys.ts';
import type { ObjectStore } from './object-store.ts';
import { PART_BYTES, s3ObjectStore } from './s3-object-store.ts';

const TENANT_A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const TENANT_B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

let server: LocalObjectServer;
let store: ObjectStore;

beforeAll(async () => {
  server = await startLocalObjectServer();
  store = s3ObjectStore({ bucket: server.bucket, region: 'eu-west-2', endpoint: server.endpoint, credentials: LOCAL_OBJECT_CREDENTIALS });
});
afterAll(() => server?.close());

describe('object keys', () => {
  it('start with the tenant and take only generated ids', () => {
    expect(tenantObjectKey(TENANT_A, 'evidence', '01J0ABC', 'original')).toBe(`tenants/${TENANT_A}/evidence/01J0ABC/original`);
    expect(() => tenantObjectKey(TENANT_A, 'evidence', '../other')).toThrow();
    expect(() => tenantObjectKey(TENANT_A, 'evidence', 'report final.pdf')).toThrow();
    expect(() => tenantObjectKey('not-a-tenant', 'evidence', 'x')).toThrow();
  });
});

describe('the object store', () => {
  it('puts, heads, reads a range, lists by tenant prefix and deletes', async () => {
    const key = tenantObjectKey(TENANT_A, 'evidence', 'put-1');
    await store.put(key, 'hello, world', 'text/plain');
    expect(await store.head(key)).toMatchObject({ key, size: 12, contentType: 'text/plain' });
    expect(Buffer.from((await store.getBytes(key, { start: 0, end: 4 }))!).toString()).toBe('hello');
    const listed = [];
    for await (const item of store.list(tenantObjectPrefix(TENANT_A, 'evidence'))) listed.push(item.key);
    expect(listed).toContain(key);
    await store.deleteMany([key]);
    expect(await store.head(key)).toBeNull();
    expect(await store.getStream(key)).toBeNull();
  });

  it('refuses keys outside a tenant prefix, before any request is made', async () => {
    await expect(store.put('imports/x', 'x', 'text/plain')).rejects.toThrow(/tenants/);
    await expect(store.head(`tenants/${TENANT_A}/../${TENANT_B}/x`)).rejects.toThrow();
    expect(() => store.list('tenants/')).toThrow();
  });

  it('sends a stream larger than one part as a multipart upload, intact', async () => {
    const key = tenantObjectKey(TENANT_A, 'exports', 'big');
    const size = PART_BYTES + 1024 * 1024 + 7;
    const bytes = Buffer.alloc(size, 0);
    for (let i = 0; i < size; i += 4096) bytes[i] = i % 251;
    await store.put(key, Readable.from([bytes.subarray(0, 3_000_000), bytes.subarray(3_000_000)]), 'application/zip');
    expect((await store.head(key))?.size).toBe(size);
    const stream = await store.getStream(key);
    const chunks: Buffer[] = [];
    for await (const chunk of stream!) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    // From an offset to the end, streamed in parts as they arrive rather than read into one buffer.
    const rest = await store.getStream(key, { start: 5_000_001 });
    const parts: Buffer[] = [];
    for await (const chunk of rest!) parts.push(chunk as Buffer);
    expect(parts.length).toBeGreaterThan(1);
    expect(Buffer.concat(parts).equals(bytes.subarray(5_000_001))).toBe(true);
    await store.deleteMany([key]);
  });

  it('gives a presigned POST that uploads exactly its key, with a size condition in the policy', async () => {
    const key = tenantObjectKey(TENANT_A, 'evidence', 'posted');
    const post = await store.presignPost({ key, maxBytes: 1024, contentType: 'application/pdf', expiresSeconds: 300 });
    expect(post.fields.key).toBe(key);
    const policy = JSON.parse(Buffer.from(post.fields.Policy!, 'base64').toString()) as { conditions: unknown[] };
    expect(policy.conditions).toContainEqual(['content-length-range', 1, 1024]);
    expect(policy.conditions).toContainEqual(['eq', '$Content-Type', 'application/pdf']);
    const form = new FormData();
    for (const [name, value] of Object.entries(post.fields)) form.append(name, value);
    form.append('file', new Blob(['%PDF-1.4 tiny']), 'ignored.pdf');
    const response = await fetch(post.url, { method: 'POST', body: form });
    expect(response.status).toBeLessThan(300);
    expect((await store.head(key))?.size).toBe(13);
    await store.deleteMany([key]);
  });

  it('gives a presigned GET that downloads with an encoded Content-Disposition, and expires', async () => {
    const key = tenantObjectKey(TENANT_A, 'evidence', 'named');
    await store.put(key, 'content', 'application/pdf');
    const url = await store.presignGet({ key, filename: '../../etc/Ré"port\r\nX-Evil: 1.pdf', contentType: 'application/pdf', expiresSeconds: 60 });
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('content');
    const disposition = response.headers.get('content-disposition')!;
    expect(disposition).toBe(contentDisposition('../../etc/Ré"port\r\nX-Evil: 1.pdf'));
    expect(disposition).not.toMatch(/\.\.|\/|\r|\n|"port/);
    expect(response.headers.get('x-evil')).toBeNull();
    const tampered = url.replace(encodeURIComponent(TENANT_A), encodeURIComponent(TENANT_B)).replace(TENANT_A, TENANT_B);
    // The local server does not check SigV4 signatures (S3 does); the URL names an object B never had.
    expect((await fetch(tampered)).status).not.toBe(200);
    await store.deleteMany([key]);
  });
});

describe('content disposition', () => {
  it('keeps only the base name, ASCII in filename= and UTF-8 in filename*=', () => {
    expect(contentDisposition('C:\\Users\\me\\Report ü.pdf')).toBe(`attachment; filename="Report _.pdf"; filename*=UTF-8''Report%20%C3%BC.pdf`);
    expect(contentDisposition('')).toBe(`attachment; filename="file"; filename*=UTF-8''file`);
  });
});
