/**
 * The S3-compatible server on one machine (s3rver): files under `.data/objects` for
 * `npm start`, a temporary folder (removed on close) for the test stacks. It speaks the S3 API,
 * so the same SDK calls and presigned URLs work as in AWS. It does not check a presigned
 * POST's policy (size and type conditions), which S3 does; the API's confirmation step checks
 * size and content after every upload in both places, so nothing depends on it. It does follow a
 * presigned POST's `success_action_redirect` (303, with `bucket`, `key` and `etag` added, as S3
 * does) and keeps its `x-amz-meta-*` fields, so the portal's plain upload forms work unchanged.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

import { LOCAL_OBJECT_BUCKET } from './local-object-settings.ts';

export { LOCAL_OBJECT_BUCKET, LOCAL_OBJECT_CREDENTIALS } from './local-object-settings.ts';

/** Browser uploads come from the portal's origin; on one machine any local origin may post. */
const LOCAL_CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>POST</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>600</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

export interface LocalObjectServer {
  endpoint: string;
  port: number;
  bucket: string;
  close(): Promise<void>;
}

interface S3rverInstance {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
}

export async function startLocalObjectServer(options: { directory?: string; port?: number } = {}): Promise<LocalObjectServer> {
  const temporary = options.directory ? undefined : await mkdtemp(join(tmpdir(), 'waypoint-objects-'));
  const directory = options.directory ?? temporary!;
  const S3rver = require('s3rver') as new (options: Record<string, unknown>) => S3rverInstance;
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    directory,
    silent: true,
    configureBuckets: [{ name: LOCAL_OBJECT_BUCKET, configs: [LOCAL_CORS] }],
  });
  let address: { port: number };
  try {
    address = await server.run();
  } catch (error) {
    if (temporary) await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    port: address.port,
    bucket: LOCAL_OBJECT_BUCKET,
    close: () =>
      (closing ??= (async () => {
        await server.close().catch(() => undefined);
        if (temporary) await rm(temporary, { recursive: true, force: true });
      })()),
  };
}
