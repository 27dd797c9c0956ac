/**
 * How an export's ZIP reaches the person who made it. A small one streams straight back as the
 * answer; a big one is written to the bucket under the tenant's `exports/` area (which lifecycle
 * rules expire in AWS) and fetched with a presigned GET that works for five minutes, so a long
 * download never holds an API function open.
 */
import { Readable } from 'node:stream';
import { ulid } from 'ulid';
import type { StoredExport } from '@waypoint/shared/subject-access/subject-access-schemas';
import { clock } from '@waypoint/shared/time/clock';
import type { TenantContext } from '../platform/auth/caller.ts';
import { zipStream, type ZipFile } from '../platform/zip/zip-stream.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import { tenantObjectKey } from '../storage/object-keys.ts';

/** Records larger than this (as JSON) go by the bucket. */
let streamLimitBytes = 4 * 1024 * 1024;
const LINK_SECONDS = 300;

/** For tests: the size from which an export goes by the bucket. */
export function setStreamLimitBytes(bytes: number): void {
  streamLimitBytes = bytes;
}

export async function deliverExport(options: { tenant: TenantContext; objects: ObjectStore; filename: string; report: string; records: unknown }): Promise<Response> {
  const json = JSON.stringify(options.records, null, 2);
  const files: ZipFile[] = [
    { name: 'report.html', content: options.report },
    { name: 'records.json', content: json },
  ];
  if (Buffer.byteLength(json) <= streamLimitBytes) {
    return new Response(zipStream(files), {
      status: 200,
      headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${options.filename}"`, 'cache-control': 'no-store' },
    });
  }
  const key = tenantObjectKey(options.tenant.tenantId, 'exports', 'subject-access', `${ulid()}.zip`);
  await options.objects.put(key, Readable.fromWeb(zipStream(files) as import('node:stream/web').ReadableStream<Uint8Array>), 'application/zip');
  const stored: StoredExport = {
    downloadUrl: await options.objects.presignGet({ key, filename: options.filename, contentType: 'application/zip', expiresSeconds: LINK_SECONDS }),
    expiresAt: new Date(clock.now().getTime() + LINK_SECONDS * 1000).toISOString(),
    filename: options.filename,
  };
  return Response.json(stored, { status: 201, headers: { 'cache-control': 'no-store' } });
}
