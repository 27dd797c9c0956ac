/** Specifies the files bucket and what a tenant's data session may reach in it. */
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { isAllowed, isAllowedWithBucketPolicy, isDenied, type SimulatedRequest } from '../test-support/iam-policy-simulator.ts';
import { synthWaypoint, type SynthesizedWaypoint } from '../test-support/synth-waypoint.ts';
import { OBJECT_ACTIONS, objectsUploadOrigin, tenantBucketStatements, tenantObjectPolicy } from './object-bucket-policy.ts';

const BUCKET = 'arn:aws:s3:::waypoint-prod-data-objects';
const TENANT_A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const TENANT_B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const identity = tenantObjectPolicy(BUCKET);
const bucket = { Statement: tenantBucketStatements(BUCKET) };

function asTenant(tenantId: string, key: string, action = 's3:GetObject'): SimulatedRequest {
  return { action, resource: `${BUCKET}/${key}`, principalTags: { TenantId: tenantId } };
}
const listing = (tenantId: string | undefined, prefix?: string): SimulatedRequest => ({
  action: 's3:ListBucket',
  resource: BUCKET,
  principalTags: tenantId ? { TenantId: tenantId } : {},
  context: prefix === undefined ? {} : { 's3:prefix': prefix },
});

describe('the tenant data role in the files bucket', () => {
  it('reaches every object action under its own tenant prefix', () => {
    for (const action of OBJECT_ACTIONS) expect(isAllowedWithBucketPolicy(identity, bucket, asTenant(TENANT_A, `tenants/${TENANT_A}/evidence/01J/original`, action)), action).toBe(true);
  });

  it('is refused another tenant’s objects, by its own policy and by the bucket’s', () => {
    const other = asTenant(TENANT_A, `tenants/${TENANT_B}/evidence/01J/original`);
    expect(isAllowed(identity, other)).toBe(false);
    expect(isDenied(bucket, other)).toBe(true);
    expect(isDenied(bucket, asTenant(TENANT_A, `tenants/${TENANT_B}/exports/x`, 's3:PutObject'))).toBe(true);
  });

  it('is refused a tenant whose id extends its own, keys outside tenants/, and sessions without a tag', () => {
    const caller = 'abc';
    expect(isAllowed(identity, asTenant(caller, 'tenants/abcd/evidence/x'))).toBe(false);
    expect(isDenied(bucket, asTenant(caller, 'tenants/abcd/evidence/x'))).toBe(true);
    expect(isAllowed(identity, asTenant(TENANT_A, 'imports/x'))).toBe(false);
    expect(isAllowed(identity, { ...asTenant(TENANT_A, `tenants/${TENANT_A}/evidence/x`), principalTags: {} })).toBe(false);
  });

  it('lists only its own prefix; a list without a prefix or of another tenant is denied', () => {
    expect(isAllowedWithBucketPolicy(identity, bucket, listing(TENANT_A, `tenants/${TENANT_A}/exports/`))).toBe(true);
    expect(isAllowedWithBucketPolicy(identity, bucket, listing(TENANT_A, `tenants/${TENANT_B}/`))).toBe(false);
    expect(isDenied(bucket, listing(TENANT_A, `tenants/${TENANT_B}/`))).toBe(true);
    expect(isDenied(bucket, listing(TENANT_A))).toBe(true);
    expect(isAllowed(identity, listing(TENANT_A, 'tenants/'))).toBe(false);
  });

  it('leaves sessions without a TenantId tag to their own policies (the bucket policy denies only tagged sessions)', () => {
    expect(isDenied(bucket, { action: 's3:GetObject', resource: `${BUCKET}/tenants/${TENANT_B}/x`, principalTags: {} })).toBe(false);
  });
});

let waypoint: SynthesizedWaypoint;
beforeAll(() => {
  waypoint = synthWaypoint();
});

type Resource = { Type: string; Properties: Record<string, any> };
const resources = (type: string) => Object.entries(waypoint.templates.data.toJSON().Resources as Record<string, Resource>).filter(([, r]) => r.Type === type);

describe('the files bucket', () => {
  it('takes browser uploads (presigned POSTs) only from the portal’s pages: CloudFront’s domain, or exactly the custom domain', () => {
    const corsOf = (synthesized: SynthesizedWaypoint) => {
      const [bucket] = Object.values(synthesized.templates.data.findResources('AWS::S3::Bucket', { Properties: { BucketName: Match.stringLikeRegexp('files') } }));
      return bucket!.Properties.CorsConfiguration.CorsRules;
    };
    expect(corsOf(waypoint)).toEqual([{ AllowedMethods: ['POST'], AllowedOrigins: ['https://*.cloudfront.net'], AllowedHeaders: ['*'], MaxAge: 600 }]);
    const withDomain = synthWaypoint({ portalDomain: 'qa.northshire.example.gov.uk', portalCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/abc' });
    expect(corsOf(withDomain)).toEqual([{ AllowedMethods: ['POST'], AllowedOrigins: ['https://qa.northshire.example.gov.uk'], AllowedHeaders: ['*'], MaxAge: 600 }]);
  });

  it('tells the portal the bucket’s address as its upload origin, the address a presigned POST the API makes posts to', () => {
    const [portal] = Object.values(waypoint.templates.application.findResources('AWS::Lambda::Function')).filter((fn) => /^Waypoint portal/.test(fn.Properties.Description ?? ''));
    const origin = JSON.stringify(portal!.Properties.Environment.Variables.UPLOAD_ORIGIN);
    expect(origin).toMatch(/^"https:\/\/waypoint-prod-files-\d{12}-eu-west-2\.s3\.eu-west-2\.amazonaws\.com"$/);
    expect(objectsUploadOrigin('prod', '123456789012', 'eu-west-2')).toBe('https://waypoint-prod-files-123456789012-eu-west-2.s3.eu-west-2.amazonaws.com');
  });

  it('is private, KMS-encrypted with its own rotating key, versioned and logged', () => {
    waypoint.templates.data.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true, ServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: Match.anyValue() } }] },
      VersioningConfiguration: { Status: 'Enabled' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'objects/' }),
    });
    waypoint.templates.data.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain' });
  });

  it('expires imports and exports by their area tag, earlier versions after 30 days, and unfinished uploads', () => {
    const [, objects] = resources('AWS::S3::Bucket').find(([, r]) => r.Properties.VersioningConfiguration)!;
    const rules = objects.Properties.LifecycleConfiguration.Rules as any[];
    expect(rules.find((r) => r.Id === 'ImportFiles')).toMatchObject({ TagFilters: [{ Key: 'area', Value: 'imports' }], ExpirationInDays: 7 });
    expect(rules.find((r) => r.Id === 'ExportFiles')).toMatchObject({ TagFilters: [{ Key: 'area', Value: 'exports' }] });
    expect(rules.find((r) => r.Id === 'EarlierVersions')).toMatchObject({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } });
    expect(rules.find((r) => r.Id === 'UnfinishedUploads')).toMatchObject({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } });
  });

  it('has a bucket policy that refuses plain HTTP and old TLS, and keeps tagged sessions in their own prefix', () => {
    const [, policy] = resources('AWS::S3::BucketPolicy')
      .filter(([, r]) => JSON.stringify(r.Properties.Bucket).includes('Objects') && !JSON.stringify(r.Properties.Bucket).includes('AccessLogs'))
      .at(0)!;
    const statements = policy.Properties.PolicyDocument.Statement as any[];
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
    expect(statements).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }));
    const own = statements.find((s) => s.Sid === 'TenantSessionsOwnPrefixOnly');
    expect(own).toMatchObject({ Effect: 'Deny', Principal: '*', Condition: { Null: { 'aws:PrincipalTag/TenantId': 'false' } } });
    expect(JSON.stringify(own.NotResource)).toContain('/tenants/${aws:PrincipalTag/TenantId}/*');
    expect(statements.find((s) => s.Sid === 'TenantSessionsListOwnPrefixOnly')).toMatchObject({ Effect: 'Deny', Action: 's3:ListBucket' });
  });

  it('gives the tenant data role exactly the generated object policy and the files key through S3 only', () => {
    const template = waypoint.templates.application.toJSON();
    const role = Object.entries(template.Resources as Record<string, Resource>).find(([id, r]) => r.Type === 'AWS::IAM::Role' && id.includes('TenantDataRole'))![1];
    const document = (role.Properties.Policies as any[]).find((p) => p.PolicyName === 'TenantObjects').PolicyDocument;
    const statements = waypoint.stacks.application.resolve(document).Statement as any[];
    const own = statements.find((s) => s.Sid === 'OwnTenantObjectsOnly');
    expect(own.Action).toEqual([...OBJECT_ACTIONS]);
    expect(JSON.stringify(own.Resource)).toContain('/tenants/${aws:PrincipalTag/TenantId}/*');
    expect(statements.find((s) => s.Sid === 'ListOwnTenantPrefixOnly').Condition).toEqual({ StringLike: { 's3:prefix': ['tenants/${aws:PrincipalTag/TenantId}/*'] } });
    expect(statements.find((s) => s.Sid === 'ObjectsKeyThroughS3Only').Condition.StringEquals['kms:ViaService']).toMatch(/^s3\.eu-west-2\./);
    expect(statements.flatMap((s) => [s.Action].flat()).some((a: string) => a === 's3:*' || a === '*')).toBe(false);
  });

  it('tells the API, jobs and imports functions the bucket’s name', () => {
    for (const description of [/Waypoint API/, /scheduled jobs/, /Waypoint imports/]) {
      waypoint.templates.application.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp(description.source),
        Environment: { Variables: Match.objectLike({ OBJECTS_BUCKET: Match.anyValue() }) },
      });
    }
  });
});

describe('the malware check', () => {
  it('is a GuardDuty Malware Protection plan on the files bucket’s tenant prefix that tags what it scans', () => {
    waypoint.templates.data.hasResourceProperties('AWS::GuardDuty::MalwareProtectionPlan', {
      ProtectedResource: { S3Bucket: { BucketName: Match.anyValue(), ObjectPrefixes: ['tenants/'] } },
      Actions: { Tagging: { Status: 'ENABLED' } },
    });
    waypoint.templates.data.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'malware-protection-plan.guardduty.amazonaws.com' } })] },
    });
  });
});
