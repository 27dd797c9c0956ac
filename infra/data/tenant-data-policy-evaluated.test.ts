/**
 * A second, independent check of tenant isolation below the application: the tenant data role's
 * and the platform role's policies exactly as synthesised, evaluated by an IAM policy simulator
 * we did not write (@cloud-copilot/iam-simulate: IAM's own evaluation logic, policy variables,
 * every condition operator, and validation of actions, resource ARNs and condition keys), over
 * a table of requests in the documented `dynamodb:LeadingKeys` semantics: the key is the
 * partition key values the request touches on the table or index it names (for Batch*, every
 * key of that table), and a request with none (Scan) has no value at all.
 */
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '@waypoint/shared/table/table-definition';
import { synthWaypoint, TEST_ACCOUNT } from '../test-support/synth-waypoint.ts';

const TABLE = `arn:aws:dynamodb:eu-west-2:${TEST_ACCOUNT}:table/Waypoint-prod-Data-Table`;
const KEY = `arn:aws:kms:eu-west-2:${TEST_ACCOUNT}:key/11111111-2222-3333-4444-555555555555`;
const BUCKET = 'arn:aws:s3:::waypoint-prod-objects';
const TENANT_A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const TENANT_B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const INDEXES = tableDefinition.indexes.map((index) => `${TABLE}/index/${index.name}`);

type Policy = { Version: string; Statement: unknown[] };
let tenantPolicies: Policy[];
let platformPolicies: Policy[];

/** Puts concrete ARNs where the template has references (the table, its key, the bucket), as CloudFormation would. */
function concrete(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(concrete);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1) {
    const [fn, args] = entries[0]!;
    if (fn === 'Fn::Join') {
      const [separator, parts] = args as [string, unknown[]];
      return parts.map(concrete).join(separator);
    }
    if (fn === 'Fn::ImportValue' || fn === 'Fn::GetAtt' || fn === 'Ref') {
      const name = JSON.stringify(args);
      if (/Table/.test(name) && !/Key/.test(name)) return TABLE;
      if (/Key/.test(name)) return KEY;
      if (/Partition/.test(name)) return 'aws';
      if (/Region/.test(name)) return 'eu-west-2';
      if (/AccountId/.test(name)) return TEST_ACCOUNT;
      return BUCKET;
    }
  }
  return Object.fromEntries(entries.map(([key, inner]) => [key, concrete(inner)]));
}

function inlinePolicies(roleFragment: string): Policy[] {
  const roles = Object.entries(waypointTemplate().findResources('AWS::IAM::Role')).filter(([id]) => id.includes(roleFragment));
  expect(roles).toHaveLength(1);
  return (roles[0]![1].Properties.Policies as { PolicyDocument: unknown }[]).map((p) => concrete(p.PolicyDocument) as Policy);
}

let waypointTemplate: () => ReturnType<typeof synthWaypoint>['templates']['application'];
beforeAll(() => {
  const waypoint = synthWaypoint();
  waypointTemplate = () => waypoint.templates.application;
  tenantPolicies = inlinePolicies('TenantDataRole');
  platformPolicies = inlinePolicies('PlatformDataRole');
});

interface Probe {
  action: string;
  resource: string;
  /** The request's `dynamodb:LeadingKeys`; absent for a request that has none (Scan). */
  keys?: string[];
  /** The session's `TenantId` tag; absent for a session without one. */
  tag?: string;
}

async function decide(policies: Policy[], probe: Probe): Promise<string> {
  const result = await runSimulation(
    {
      identityPolicies: policies.map((policy, index) => ({ name: `inline${index}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      request: {
        principal: `arn:aws:sts::${TEST_ACCOUNT}:assumed-role/waypoint-prod-tenant-data/waypoint-tenant`,
        action: probe.action,
        resource: { resource: probe.resource, accountId: TEST_ACCOUNT },
        contextVariables: {
          ...(probe.tag ? { 'aws:PrincipalTag/TenantId': probe.tag } : {}),
          ...(probe.keys ? { 'dynamodb:LeadingKeys': probe.keys } : {}),
        },
      },
    },
    {},
  );
  if (result.resultType === 'error') throw new Error(`The simulator refused the request: ${JSON.stringify(result.errors)}`);
  return result.overallResult;
}

const own = `TENANT#${TENANT_A}`;
const ownCase = `TENANT#${TENANT_A}#CASE#AB123`;
const other = `TENANT#${TENANT_B}`;
const otherCase = `TENANT#${TENANT_B}#CASE#AB123`;

/** [what, probe, expected] as tenant A. */
const TENANT_TABLE: [string, Probe, 'Allowed' | 'ImplicitlyDenied'][] = [
  ['GetItem of its own tenant item', { action: 'dynamodb:GetItem', resource: TABLE, keys: [own] }, 'Allowed'],
  ['GetItem under its own prefix', { action: 'dynamodb:GetItem', resource: TABLE, keys: [ownCase] }, 'Allowed'],
  ['GetItem of another tenant’s item', { action: 'dynamodb:GetItem', resource: TABLE, keys: [other] }, 'ImplicitlyDenied'],
  ['GetItem under another tenant’s prefix', { action: 'dynamodb:GetItem', resource: TABLE, keys: [otherCase] }, 'ImplicitlyDenied'],
  ['GetItem of a key that merely starts with its id', { action: 'dynamodb:GetItem', resource: TABLE, keys: [`TENANT#${TENANT_A}0`] }, 'ImplicitlyDenied'],
  ['GetItem of a platform item', { action: 'dynamodb:GetItem', resource: TABLE, keys: ['PLATFORM#TENANTS'] }, 'ImplicitlyDenied'],
  ['PutItem, UpdateItem, DeleteItem of its own', { action: 'dynamodb:PutItem', resource: TABLE, keys: [ownCase] }, 'Allowed'],
  ['UpdateItem of another tenant’s', { action: 'dynamodb:UpdateItem', resource: TABLE, keys: [otherCase] }, 'ImplicitlyDenied'],
  ['DeleteItem of another tenant’s', { action: 'dynamodb:DeleteItem', resource: TABLE, keys: [other] }, 'ImplicitlyDenied'],
  ['Query of its own partition on the table', { action: 'dynamodb:Query', resource: TABLE, keys: [own] }, 'Allowed'],
  ['Query of another tenant’s partition on the table', { action: 'dynamodb:Query', resource: TABLE, keys: [other] }, 'ImplicitlyDenied'],
  ['BatchGetItem of its own keys only', { action: 'dynamodb:BatchGetItem', resource: TABLE, keys: [own, ownCase] }, 'Allowed'],
  ['BatchGetItem with one other tenant’s key among its own', { action: 'dynamodb:BatchGetItem', resource: TABLE, keys: [own, otherCase] }, 'ImplicitlyDenied'],
  ['BatchWriteItem of its own keys only', { action: 'dynamodb:BatchWriteItem', resource: TABLE, keys: [ownCase, own] }, 'Allowed'],
  ['BatchWriteItem with one other tenant’s key among its own', { action: 'dynamodb:BatchWriteItem', resource: TABLE, keys: [ownCase, other] }, 'ImplicitlyDenied'],
  ['Scan, which has no leading key', { action: 'dynamodb:Scan', resource: TABLE }, 'ImplicitlyDenied'],
  ['a Query with no leading key at all', { action: 'dynamodb:Query', resource: TABLE }, 'ImplicitlyDenied'],
  ['PartiQL', { action: 'dynamodb:PartiQLSelect', resource: TABLE, keys: [own] }, 'ImplicitlyDenied'],
  ['DescribeTable, which would count every tenant’s items', { action: 'dynamodb:DescribeTable', resource: TABLE }, 'ImplicitlyDenied'],
  ['GetItem on another table', { action: 'dynamodb:GetItem', resource: `arn:aws:dynamodb:eu-west-2:${TEST_ACCOUNT}:table/other`, keys: [own] }, 'ImplicitlyDenied'],
];

describe('the synthesised tenant data role, evaluated by an IAM simulator', () => {
  for (const [what, probe, expected] of TENANT_TABLE) {
    it(`${expected === 'Allowed' ? 'allows' : 'denies'} ${what}`, async () => {
      expect(await decide(tenantPolicies, { tag: TENANT_A, ...probe })).toBe(expected);
    });
  }

  it('allows a Query of its own partition on each index, and denies another tenant’s there', async () => {
    for (const index of INDEXES) {
      expect(await decide(tenantPolicies, { tag: TENANT_A, action: 'dynamodb:Query', resource: index, keys: [ownCase] }), index).toBe('Allowed');
      expect(await decide(tenantPolicies, { tag: TENANT_A, action: 'dynamodb:Query', resource: index, keys: [otherCase] }), index).toBe('ImplicitlyDenied');
    }
  });

  it('denies a Query on an index the table definition does not have', async () => {
    expect(await decide(tenantPolicies, { tag: TENANT_A, action: 'dynamodb:Query', resource: `${TABLE}/index/GSI99`, keys: [ownCase] })).toBe('ImplicitlyDenied');
  });

  it('denies everything to a session without a TenantId tag, even keys of the shape of a tenant', async () => {
    expect(await decide(tenantPolicies, { action: 'dynamodb:GetItem', resource: TABLE, keys: [own] })).toBe('ImplicitlyDenied');
    expect(await decide(tenantPolicies, { action: 'dynamodb:GetItem', resource: TABLE, keys: ['TENANT#'] })).toBe('ImplicitlyDenied');
  });

  it('gives tenant B exactly the mirror image', async () => {
    expect(await decide(tenantPolicies, { tag: TENANT_B, action: 'dynamodb:GetItem', resource: TABLE, keys: [other] })).toBe('Allowed');
    expect(await decide(tenantPolicies, { tag: TENANT_B, action: 'dynamodb:GetItem', resource: TABLE, keys: [own] })).toBe('ImplicitlyDenied');
  });
});

describe('the synthesised platform data role, evaluated by an IAM simulator', () => {
  it('reaches PLATFORM# items and DescribeTable, and no tenant’s items', async () => {
    expect(await decide(platformPolicies, { action: 'dynamodb:GetItem', resource: TABLE, keys: ['PLATFORM#TENANTS'] })).toBe('Allowed');
    expect(await decide(platformPolicies, { action: 'dynamodb:DescribeTable', resource: TABLE })).toBe('Allowed');
    expect(await decide(platformPolicies, { action: 'dynamodb:GetItem', resource: TABLE, keys: [own] })).toBe('ImplicitlyDenied');
    expect(await decide(platformPolicies, { action: 'dynamodb:BatchGetItem', resource: TABLE, keys: ['PLATFORM#TENANTS', ownCase] })).toBe('ImplicitlyDenied');
    expect(await decide(platformPolicies, { action: 'dynamodb:Scan', resource: TABLE })).toBe('ImplicitlyDenied');
  });
});
