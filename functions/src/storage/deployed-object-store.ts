/**
 * The ObjectStore of a deployed function: the bucket named by `OBJECTS_BUCKET`, every call
 * signed with the tenant data role's credentials for the key's tenant (its policy reaches only
 * `tenants/<TenantId tag>/*`). With `S3_ENDPOINT` set (tests of the Lambda entries) it uses the
 * local S3-compatible server instead.
 */
import type { ApiConfig } from '../platform/config.ts';
import { tenantCredentialsProvider } from '../platform/database/tenant-credentials.ts';
import { LOCAL_OBJECT_BUCKET, LOCAL_OBJECT_CREDENTIALS } from './local-object-settings.ts';
import type { ObjectStore } from './object-store.ts';
import { s3ObjectStore } from './s3-object-store.ts';

export function deployedObjectStore(config: ApiConfig): ObjectStore {
  const endpoint = process.env.S3_ENDPOINT || undefined;
  const bucket = process.env.OBJECTS_BUCKET || LOCAL_OBJECT_BUCKET;
  if (endpoint) return s3ObjectStore({ bucket, region: config.region, endpoint, credentials: LOCAL_OBJECT_CREDENTIALS });
  return s3ObjectStore({
    bucket,
    region: config.region,
    credentialsFor: config.tenantDataRoleArn ? tenantCredentialsProvider({ roleArn: config.tenantDataRoleArn, region: config.region }) : undefined,
  });
}
