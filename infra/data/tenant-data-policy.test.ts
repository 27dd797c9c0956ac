/** Specifies what the tenant and platform data roles may and may not reach. */
import { describe, expect, it } from 'vitest';
import { isAllowed } from '../test-support/iam-policy-simulator.ts';
import type { SimulatedRequest } from '../test-support/iam-policy-simulator.ts';
import { ITEM_ACTIONS, platformDataPolicy, tenantDataPolicy } from './tenant-data-policy.ts';

const TABLE = 'arn:aws:dynamodb:eu-west-2:111122223333:table/Waypoint-prod-Data-Table';
const OTHER_TABLE = 'arn:aws:dynamodb:eu-west-2:111122223333:table/something-else';
const INDEXES = ['GSI1', 'GSI2'];
const policy = tenantDataPolicy({ tableArn: TABLE, indexNames: INDEXES });
const platform = platformDataPolicy({ tableArn: TABLE, indexNames: INDEXES });

const TENANT_A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const TENANT_B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function asTenant(tenantId: string, overrides: Partial<SimulatedRequest> = {}): SimulatedRequest {
  return {
    action: 'dynamodb:GetItem',
    resource: TABLE,
    principalTags: { TenantId: tenantId },
    leadingKeys: [`TENANT#${tenantId}`],
    ...overrides,
  };
}

describe('tenant data policy', () => {
  it('allows the tenant’s own partition and every partition under it', () => {
    expect(isAllowed(policy, asTenant(TENANT_A))).toBe(true);
    expect(isAllowed(policy, asTenant(TENANT_A, { leadingKeys: [`TENANT#${TENANT_A}#CASE#AB123`] }))).toBe(true);
    expect(isAllowed(policy, asTenant(TENANT_A, { leadingKeys: [`TENANT#${TENANT_A}#IDEMPOTENCY`] }))).toBe(true);
  });

  it('denies another tenant’s keys', () => {
    expect(isAllowed(policy, asTenant(TENANT_A, { leadingKeys: [`TENANT#${TENANT_B}`] }))).toBe(false);
    expect(isAllowed(policy, asTenant(TENANT_A, { leadingKeys: [`TENANT#${TENANT_B}#CASE#AB123`] }))).toBe(false);
  });

  it('denies keys of a tenant whose id extends the caller’s (the # after the id stops the prefix)', () => {
    // `TENANT#abc#*` cannot match `TENANT#abcd#...`: the character after `abc` must be `#`.
    const caller = 'abc';
    const longer = 'abcd';
    expect(isAllowed(policy, asTenant(caller, { leadingKeys: [`TENANT#${longer}`] }))).toBe(false);
    expect(isAllowed(policy, asTenant(caller, { leadingKeys: [`TENANT#${longer}#CASE#1`] }))).toBe(false);
    expect(isAllowed(policy, asTenant(caller, { leadingKeys: [`TENANT#${caller}#CASE#1`] }))).toBe(true);
  });

  it('denies a batch that mixes the tenant’s keys with another tenant’s', () => {
    const mixed = asTenant(TENANT_A, {
      action: 'dynamodb:BatchGetItem',
      leadingKeys: [`TENANT#${TENANT_A}`, `TENANT#${TENANT_B}`],
    });
    expect(isAllowed(policy, mixed)).toBe(false);
  });

  it('denies platform items to a tenant session', () => {
    expect(isAllowed(policy, asTenant(TENANT_A, { leadingKeys: ['PLATFORM#TENANTS'] }))).toBe(false);
  });

  it('denies a request without any leading key (the Null guard), though ForAllValues alone would pass it', () => {
    expect(isAllowed(policy, asTenant(TENANT_A, { leadingKeys: [] }))).toBe(false);
    expect(policy.Statement[0]?.Condition?.Null).toEqual({ 'dynamodb:LeadingKeys': 'false' });
  });

  it('denies a session that carries no TenantId tag', () => {
    expect(isAllowed(policy, asTenant(TENANT_A, { principalTags: {} }))).toBe(false);
  });

  it('grants exactly the item actions by key: no Scan, no PartiQL, no DescribeTable', () => {
    const actions = policy.Statement.flatMap((statement) => statement.Action);
    expect(actions.sort()).toEqual([...ITEM_ACTIONS].sort());
    expect(actions.some((action) => /Scan|PartiQL|ExecuteStatement|\*/.test(action))).toBe(false);
    expect(isAllowed(policy, asTenant(TENANT_A, { action: 'dynamodb:Scan' }))).toBe(false);
    expect(isAllowed(policy, asTenant(TENANT_A, { action: 'dynamodb:PartiQLSelect' }))).toBe(false);
  });

  it('uses ForAllValues:StringLike with the exact and the #-prefixed patterns', () => {
    expect(policy.Statement[0]?.Condition?.['ForAllValues:StringLike']).toEqual({
      'dynamodb:LeadingKeys': ['TENANT#${aws:PrincipalTag/TenantId}', 'TENANT#${aws:PrincipalTag/TenantId}#*'],
    });
  });

  it('reaches only this table and the indexes the table definition names', () => {
    expect(policy.Statement.flatMap((statement) => statement.Resource)).toEqual([TABLE, `${TABLE}/index/GSI1`, `${TABLE}/index/GSI2`]);
    expect(isAllowed(policy, asTenant(TENANT_A, { action: 'dynamodb:Query', resource: `${TABLE}/index/GSI1` }))).toBe(true);
    expect(isAllowed(policy, asTenant(TENANT_A, { action: 'dynamodb:Query', resource: `${TABLE}/index/GSI9` }))).toBe(false);
    expect(isAllowed(policy, asTenant(TENANT_A, { resource: OTHER_TABLE }))).toBe(false);
  });
});

describe('platform data policy', () => {
  const asPlatform = (overrides: Partial<SimulatedRequest>): SimulatedRequest => ({
    action: 'dynamodb:Query',
    resource: TABLE,
    principalTags: {},
    leadingKeys: ['PLATFORM#TENANTS'],
    ...overrides,
  });

  it('allows PLATFORM# items and nothing of any tenant', () => {
    expect(isAllowed(platform, asPlatform({}))).toBe(true);
    expect(isAllowed(platform, asPlatform({ leadingKeys: [`TENANT#${TENANT_A}`] }))).toBe(false);
    expect(isAllowed(platform, asPlatform({ leadingKeys: [`TENANT#${TENANT_A}#CASE#1`] }))).toBe(false);
  });

  it('may describe the table for the health check, but never Scan it', () => {
    expect(isAllowed(platform, asPlatform({ action: 'dynamodb:DescribeTable', leadingKeys: [] }))).toBe(true);
    expect(isAllowed(platform, asPlatform({ action: 'dynamodb:Scan', leadingKeys: [] }))).toBe(false);
  });
});
