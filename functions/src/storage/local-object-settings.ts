/**
 * The local S3-compatible server's fixed bucket and key, apart from the server itself: the
 * deployed functions' store (deployed-object-store.ts) names them for the Lambda entry tests,
 * and the server's module (`createRequire(import.meta.url)`) cannot be in a CommonJS Lambda
 * bundle, where `import.meta` is empty and the function would fail at its cold start.
 */
import type { AwsCredentialIdentity } from '@smithy/types';

/** s3rver's own fixed access key; any other is refused. */
export const LOCAL_OBJECT_CREDENTIALS: AwsCredentialIdentity = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_OBJECT_BUCKET = 'waypoint-objects';
