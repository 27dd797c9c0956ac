/**
 * What the per-tenant data role may do in the objects bucket: only keys under
 * `tenants/<its TenantId tag>/`, the same session tag that limits its table keys to
 * `TENANT#<tag>`. The bucket's own policy says the same from the other side, so a grant
 * added to some role later still cannot reach across tenants with a tenant-tagged session.
 * Pure functions, so their meaning can be unit-tested.
 */
import type { PolicyDocumentJson, PolicyStatementJson } from './tenant-data-policy.ts';
import { TENANT_TAG_VARIABLE } from './tenant-data-policy.ts';

/**
 * The files bucket's name, fixed from the stage, account and region so that the application
 * stack's roles name it without a cross-stack reference (and cdk-nag's finding on the one
 * wildcard can be acknowledged by its exact text).
 */
export function objectsBucketName(stage: string, account: string, region: string): string {
  return `waypoint-${stage.toLowerCase()}-files-${account}-${region}`;
}

/**
 * Where the portal's upload form posts (`UPLOAD_ORIGIN`): the bucket's own regional
 * virtual-hosted address, which is the `url` of a presigned POST the API makes for it. The
 * portal lets its forms post there and nowhere else of the bucket's (its form-action CSP).
 */
export function objectsUploadOrigin(stage: string, account: string, region: string): string {
  return `https://${objectsBucketName(stage, account, region)}.s3.${region}.amazonaws.com`;
}

/**
 * The origins the bucket's CORS rule lets post to it: the portal's. With a custom domain that
 * is exactly its address; without one, the portal is on CloudFront's generated
 * `*.cloudfront.net` name, which is made when the application stack (deployed after the
 * bucket's) creates the distribution, so the rule names CloudFront's domain. Either way a
 * post is only accepted with a presigned policy the API made for one key, size and time.
 */
export function uploadCorsOrigins(portalDomain: string | undefined): string[] {
  return [portalDomain ? `https://${portalDomain}` : 'https://*.cloudfront.net'];
}

/** Reading, writing, tagging (GuardDuty's result is a tag) and deleting single objects. */
export const OBJECT_ACTIONS = ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:GetObjectTagging', 's3:PutObjectTagging', 's3:AbortMultipartUpload'] as const;

/**
 * `tenants/<tag>/*`: the `/` after the tag keeps tenant `abc` out of tenant `abcd`, and a
 * session tag value is UUID-shaped (the trust policy insists), so it carries no `*` or `/`.
 */
export function tenantObjectResource(bucketArn: string): string {
  return `${bucketArn}/tenants/${TENANT_TAG_VARIABLE}/*`;
}

export const TENANT_LIST_PREFIX = `tenants/${TENANT_TAG_VARIABLE}/*`;

/** Statements for the tenant data role's inline policy (the KMS statement is added beside them). */
export function tenantObjectStatements(bucketArn: string): PolicyStatementJson[] {
  return [
    { Sid: 'OwnTenantObjectsOnly', Effect: 'Allow', Action: [...OBJECT_ACTIONS], Resource: [tenantObjectResource(bucketArn)] },
    {
      Sid: 'ListOwnTenantPrefixOnly',
      Effect: 'Allow',
      Action: ['s3:ListBucket'],
      Resource: [bucketArn],
      Condition: { StringLike: { 's3:prefix': [TENANT_LIST_PREFIX] } },
    },
  ];
}

/** Use of the objects key, and only through S3 (bucket keys: S3 asks KMS on the caller's behalf). */
export function objectKeyStatement(keyArn: string, region: string): PolicyStatementJson {
  return {
    Sid: 'ObjectsKeyThroughS3Only',
    Effect: 'Allow',
    Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
    Resource: [keyArn],
    Condition: { StringEquals: { 'kms:ViaService': `s3.${region}.amazonaws.com` } },
  };
}

export interface BucketPolicyStatementJson extends Omit<PolicyStatementJson, 'Resource'> {
  Principal: { AWS: string } | '*';
  Resource?: string[];
  NotResource?: string[];
}

/**
 * Bucket policy statements: any session that carries a TenantId tag is denied every object
 * outside `tenants/<that tag>/`, and listing any other prefix. (TLS-only is CDK's enforceSSL.)
 */
export function tenantBucketStatements(bucketArn: string): BucketPolicyStatementJson[] {
  const tagged = { Null: { 'aws:PrincipalTag/TenantId': 'false' } };
  return [
    { Sid: 'TenantSessionsOwnPrefixOnly', Effect: 'Deny', Principal: { AWS: '*' }, Action: [...OBJECT_ACTIONS], NotResource: [tenantObjectResource(bucketArn)], Condition: tagged },
    {
      Sid: 'TenantSessionsListOwnPrefixOnly',
      Effect: 'Deny',
      Principal: { AWS: '*' },
      Action: ['s3:ListBucket'],
      Resource: [bucketArn],
      Condition: { ...tagged, StringNotLike: { 's3:prefix': [TENANT_LIST_PREFIX] } },
    },
  ];
}

export function tenantObjectPolicy(bucketArn: string): PolicyDocumentJson {
  return { Version: '2012-10-17', Statement: tenantObjectStatements(bucketArn) };
}
