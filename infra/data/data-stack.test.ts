/** Specifies the deployed table and the roles through which Lambda code reaches it. */
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXPIRY_ATTRIBUTE, keyAttributes, tableDefinition } from '@waypoint/shared/table/table-definition';
import { API_GROUPS } from '../../functions/src/api/api-groups.ts';
import { synthWaypoint } from '../test-support/synth-waypoint.ts';
import type { SynthesizedWaypoint } from '../test-support/synth-waypoint.ts';
import { tenantDataPolicy, platformDataPolicy } from './tenant-data-policy.ts';

let waypoint: SynthesizedWaypoint;
beforeAll(() => {
  waypoint = synthWaypoint();
});

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string };

function resourcesOf(template: ReturnType<SynthesizedWaypoint['templates']['application']['toJSON']>, type: string): [string, Resource][] {
  return Object.entries(template.Resources as Record<string, Resource>).filter(([, resource]) => resource.Type === type);
}

function roleNamed(fragment: string): Resource {
  const found = resourcesOf(waypoint.templates.application.toJSON(), 'AWS::IAM::Role').find(([id]) => id.includes(fragment));
  if (!found) throw new Error(`No role ${fragment}`);
  return found[1];
}

describe('the table', () => {
  it('is on-demand, with point-in-time recovery, deletion protection and TTL on the expiry attribute', () => {
    waypoint.templates.data.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      TimeToLiveSpecification: { AttributeName: EXPIRY_ATTRIBUTE, Enabled: true },
    });
  });

  it('is encrypted with a customer-managed key that rotates, and both are kept if the stack is deleted', () => {
    waypoint.templates.data.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
    });
    waypoint.templates.data.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    waypoint.templates.data.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    waypoint.templates.data.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
  });

  it('has exactly the keys and indexes of the shared table definition', () => {
    const [, table] = resourcesOf(waypoint.templates.data.toJSON(), 'AWS::DynamoDB::Table')[0]!;
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ]);
    const attributes = (table.Properties.AttributeDefinitions as { AttributeName: string }[]).map((a) => a.AttributeName);
    expect(attributes.sort()).toEqual(keyAttributes().sort());
    const indexes = (table.Properties.GlobalSecondaryIndexes as { IndexName: string; KeySchema: unknown }[]).map((i) => ({
      name: i.IndexName,
      keys: i.KeySchema,
    }));
    expect(indexes).toEqual(
      tableDefinition.indexes.map((index) => ({
        name: index.name,
        keys: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
      })),
    );
  });

  it('sits in a stack with termination protection', () => {
    expect(waypoint.stacks.data.terminationProtection).toBe(true);
  });
});

describe('tenant-scoped data access', () => {
  const stripKms = (statements: Record<string, any>[]) => statements.filter((s) => s.Sid !== 'TableKeyThroughDynamoDbOnly');

  it('gives the tenant data role exactly the generated leading-key policy', () => {
    const policy = roleNamed('TenantDataRole').Properties.Policies[0].PolicyDocument;
    const expected = tenantDataPolicy({ tableArn: 'TABLE', indexNames: tableDefinition.indexes.map((i) => i.name) });
    const resolved = waypoint.stacks.application.resolve(policy) as { Statement: any[] };
    const [statement, ...others] = stripKms(resolved.Statement);
    expect(others).toEqual([]);
    expect(statement?.Action).toEqual(expected.Statement[0]!.Action);
    expect(statement?.Condition).toEqual(expected.Statement[0]!.Condition);
    expect(statement?.Resource).toHaveLength(1 + tableDefinition.indexes.length);
  });

  it('lets the tenant role use the table key only through DynamoDB', () => {
    const statements = roleNamed('TenantDataRole').Properties.Policies[0].PolicyDocument.Statement as any[];
    const kms = statements.find((s) => s.Sid === 'TableKeyThroughDynamoDbOnly');
    expect(kms.Condition.StringEquals['kms:ViaService']).toMatch(/^dynamodb\.eu-west-2\./);
  });

  it('lets only the roles of the API functions, the jobs and imports functions and the sign-in token trigger assume the tenant role, with one UUID-shaped TenantId tag', () => {
    const trust = roleNamed('TenantDataRole').Properties.AssumeRolePolicyDocument.Statement as any[];
    expect(trust).toHaveLength(API_GROUPS.length + 3);
    expect(JSON.stringify(trust)).toMatch(/FunctionsImportsRole/);
    for (const statement of trust) {
      expect(statement.Action).toEqual(['sts:AssumeRole', 'sts:TagSession']);
      expect(JSON.stringify(statement.Principal.AWS)).toMatch(/Functions(Api[A-Za-z]*|Jobs|Imports)Role|Identity:ExportsOutputFnGetAttPreTokenGenerationRole/);
      expect(statement.Condition).toEqual({
        StringLike: { 'aws:RequestTag/TenantId': '????????-????-????-????-????????????' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['TenantId'] },
      });
    }
  });

  it('lets an operator’s role assume the tenant role, with the same tag condition, only while the isolation probe is deployed', async () => {
    const { synthWaypoint: synth } = await import('../test-support/synth-waypoint.ts');
    const probing = synth({ isolationProbeRoleArn: 'arn:aws:iam::111122223333:role/ops-probe' });
    const role = Object.entries(probing.templates.application.findResources('AWS::IAM::Role')).find(([id]) => id.includes('TenantDataRole'))![1];
    const trust = role.Properties.AssumeRolePolicyDocument.Statement as any[];
    const probe = trust.find((s) => JSON.stringify(s.Principal).includes('ops-probe'));
    expect(probe.Condition).toEqual({ StringLike: { 'aws:RequestTag/TenantId': '????????-????-????-????-????????????' }, 'ForAllValues:StringEquals': { 'aws:TagKeys': ['TenantId'] } });
    expect(JSON.stringify(roleNamed('TenantDataRole').Properties.AssumeRolePolicyDocument)).not.toContain('ops-probe');
  });

  it('gives the platform role PLATFORM# items only', () => {
    const policy = roleNamed('PlatformDataRole').Properties.Policies[0].PolicyDocument.Statement as any[];
    const expected = platformDataPolicy({ tableArn: 'TABLE', indexNames: [] });
    expect(policy[0].Condition).toEqual(expected.Statement[0]!.Condition);
  });

  it('gives the Lambda roles no DynamoDB permissions of their own but the jobs function’s key-only Scan: only AssumeRole on the data roles', () => {
    const policies = resourcesOf(waypoint.templates.application.toJSON(), 'AWS::IAM::Policy');
    const statements = policies.flatMap(([, policy]) => (policy.Properties.PolicyDocument.Statement as any[]).map((s) => ({ sid: s.Sid, actions: [s.Action].flat(), roles: JSON.stringify(policy.Properties.Roles) })));
    const dynamo = statements.filter((s) => s.actions.some((action: string) => action.startsWith('dynamodb:')));
    // The offboarding job's Scan for PK and SK only (infra/api/api.test.ts checks its conditions).
    expect(dynamo.map((s) => ({ sid: s.sid, actions: s.actions }))).toEqual([{ sid: 'KeyOnlyScan', actions: ['dynamodb:Scan'] }]);
    expect(dynamo[0]?.roles).toMatch(/FunctionsJobs/);
    waypoint.templates.application.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('FunctionsApiRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Sid: 'AssumeTenantDataRoleWithTag', Action: ['sts:AssumeRole', 'sts:TagSession'] }), Match.objectLike({ Sid: 'AssumePlatformDataRole', Action: 'sts:AssumeRole' })]),
      },
    });
  });

  it('tells the API and jobs functions which roles to assume', () => {
    for (const description of [/Waypoint API/, /scheduled jobs/]) {
      waypoint.templates.application.hasResourceProperties('AWS::Lambda::Function', {
        Description: Match.stringLikeRegexp(description.source),
        Environment: {
          Variables: Match.objectLike({
            TENANT_DATA_ROLE_ARN: { 'Fn::GetAtt': [Match.stringLikeRegexp('TenantDataRole'), 'Arn'] },
            PLATFORM_DATA_ROLE_ARN: { 'Fn::GetAtt': [Match.stringLikeRegexp('PlatformDataRole'), 'Arn'] },
          }),
        },
      });
    }
  });
});
