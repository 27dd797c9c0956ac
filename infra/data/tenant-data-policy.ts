/**
 * The IAM policies that make tenant isolation hold below the application: the tenant data
 * role may touch only items whose partition key (on the table or any index) is exactly
 * `TENANT#<its TenantId tag>` or starts `TENANT#<its TenantId tag>#`; the platform role only
 * `PLATFORM#` items. Pure functions, so their meaning can be unit-tested.
 */

export interface PolicyStatementJson {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocumentJson {
  Version: '2012-10-17';
  Statement: PolicyStatementJson[];
}

/** Item reads and writes by key. No Scan (it has no leading key to check) and no PartiQL. */
export const ITEM_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:BatchWriteItem'] as const;

export const TENANT_TAG_VARIABLE = '${aws:PrincipalTag/TenantId}';

/**
 * The two leading-key patterns. The `#` after the tag is what keeps tenant `abc` out of
 * tenant `abcd`: `TENANT#abc#*` cannot match `TENANT#abcd#...`, and `TENANT#abc` matches only
 * itself. It holds because a session tag value cannot contain `#`, `*` or `?`.
 */
export const TENANT_LEADING_KEY_PATTERNS = [`TENANT#${TENANT_TAG_VARIABLE}`, `TENANT#${TENANT_TAG_VARIABLE}#*`];

export const PLATFORM_LEADING_KEY_PATTERNS = ['PLATFORM#*'];

export interface TableArns {
  tableArn: string;
  /** Named one by one rather than `index/*`, so a role reaches only indexes the definition has. */
  indexNames: readonly string[];
}

function tableAndIndexes({ tableArn, indexNames }: TableArns): string[] {
  return [tableArn, ...indexNames.map((name) => `${tableArn}/index/${name}`)];
}

function leadingKeyStatement(sid: string, table: TableArns, patterns: string[]): PolicyStatementJson {
  return {
    Sid: sid,
    Effect: 'Allow',
    Action: [...ITEM_ACTIONS],
    Resource: tableAndIndexes(table),
    Condition: {
      // Every leading key in the request must match one of the patterns...
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': patterns },
      // ...and there must be at least one: ForAllValues over an empty set is true.
      Null: { 'dynamodb:LeadingKeys': 'false' },
    },
  };
}

/**
 * Use of the table's customer-managed key, and only through DynamoDB: what DynamoDB needs
 * from the caller to read and write an encrypted table, spelled out without wildcards.
 */
export function tableKeyStatement(keyArn: string, region: string): PolicyStatementJson {
  return {
    Sid: 'TableKeyThroughDynamoDbOnly',
    Effect: 'Allow',
    Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey', 'kms:GenerateDataKeyWithoutPlaintext', 'kms:ReEncryptFrom', 'kms:ReEncryptTo'],
    Resource: [keyArn],
    Condition: { StringEquals: { 'kms:ViaService': `dynamodb.${region}.amazonaws.com` } },
  };
}

/**
 * The tenant data role. It has no DescribeTable: that carries no leading key (the Null guard
 * would refuse it anyway) and would reveal table-wide item counts across tenants.
 */
export function tenantDataPolicy(table: TableArns): PolicyDocumentJson {
  return {
    Version: '2012-10-17',
    Statement: [leadingKeyStatement('OwnTenantItemsOnly', table, TENANT_LEADING_KEY_PATTERNS)],
  };
}

/** The platform role: the tenant directory and slug lookup, plus DescribeTable for the health check. */
export function platformDataPolicy(table: TableArns): PolicyDocumentJson {
  return {
    Version: '2012-10-17',
    Statement: [leadingKeyStatement('PlatformItemsOnly', table, PLATFORM_LEADING_KEY_PATTERNS), { Sid: 'DescribeForHealthCheck', Effect: 'Allow', Action: ['dynamodb:DescribeTable'], Resource: [table.tableArn] }],
  };
}
