/**
 * After a deploy, tries each tenant's keys with the other tenant's scoped credentials against the
 * real table, as the API would hold them: it assumes the tenant data role with tenant A's
 * `TenantId` tag and makes the requests in isolation-probes.ts, then the same the other way
 * round. Every request naming the other tenant's keys must end in AccessDeniedException; the
 * controls on its own keys must not. Nothing is written (the write probes delete absent items).
 * Not run by CI: it needs an account. See docs/ARCHITECTURE.md, "Probing isolation in AWS".
 *
 *   npx tsx infra/ops/isolation-probe.ts --role-arn <tenant data role ARN> --table <TableName> \
 *     --token-a "$TOKEN_NORTHSHIRE" --token-b "$TOKEN_SOUTHSHIRE"     # or --tenant-a/--tenant-b <uuid>
 *
 * The credentials it runs with must be allowed to assume the tenant data role: deploy with
 * `-c isolationProbeRoleArn=<your role ARN>` for the duration of the probe, then without it.
 */
import { parseArgs } from 'node:util';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { BatchGetCommand, BatchWriteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { isolationProbes, tenantOfToken, type Probe } from './isolation-probes.ts';

const { values } = parseArgs({
  options: {
    'role-arn': { type: 'string' },
    table: { type: 'string' },
    region: { type: 'string', default: 'eu-west-2' },
    'token-a': { type: 'string' },
    'token-b': { type: 'string' },
    'tenant-a': { type: 'string' },
    'tenant-b': { type: 'string' },
  },
});

const roleArn = values['role-arn'];
const tableName = values.table;
const tenantA = values['tenant-a'] ?? (values['token-a'] ? tenantOfToken(values['token-a']) : undefined);
const tenantB = values['tenant-b'] ?? (values['token-b'] ? tenantOfToken(values['token-b']) : undefined);
if (!roleArn || !tableName || !tenantA || !tenantB) {
  process.stderr.write('Needs --role-arn, --table and two tenants (--token-a/--token-b or --tenant-a/--tenant-b)\n');
  process.exit(2);
}

async function clientFor(tenantId: string): Promise<DynamoDBDocumentClient> {
  const sts = new STSClient({ region: values.region });
  const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'waypoint-isolation-probe', DurationSeconds: 900, Tags: [{ Key: 'TenantId', Value: tenantId }], TransitiveTagKeys: ['TenantId'] }));
  if (!Credentials?.AccessKeyId || !Credentials.SecretAccessKey) throw new Error('AssumeRole returned no credentials');
  const credentials = { accessKeyId: Credentials.AccessKeyId, secretAccessKey: Credentials.SecretAccessKey, sessionToken: Credentials.SessionToken };
  return DynamoDBDocumentClient.from(new DynamoDBClient({ region: values.region, credentials }));
}

async function run(db: DynamoDBDocumentClient, probe: Probe): Promise<'denied' | 'allowed'> {
  const c = probe.command;
  try {
    if (c.kind === 'GetItem') await db.send(new GetCommand({ TableName: tableName, Key: c.key }));
    if (c.kind === 'Query') {
      await db.send(new QueryCommand({ TableName: tableName, IndexName: c.index, KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': c.partitionKey }, ExpressionAttributeValues: { ':pk': c.value }, Limit: 1 }));
    }
    if (c.kind === 'BatchGetItem') await db.send(new BatchGetCommand({ RequestItems: { [tableName!]: { Keys: c.keys } } }));
    if (c.kind === 'BatchWriteItem') await db.send(new BatchWriteCommand({ RequestItems: { [tableName!]: c.deleteKeys.map((Key) => ({ DeleteRequest: { Key } })) } }));
    return 'allowed';
  } catch (error) {
    if ((error as Error).name === 'AccessDeniedException') return 'denied';
    throw error;
  }
}

let failures = 0;
for (const [self, other] of [
  [tenantA, tenantB],
  [tenantB, tenantA],
] as const) {
  const db = await clientFor(self);
  for (const probe of isolationProbes(self, other)) {
    const outcome = await run(db, probe);
    const ok = outcome === probe.expect;
    if (!ok) failures += 1;
    process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} as ${self.slice(0, 8)}: ${probe.what}: ${outcome}\n`);
  }
}
process.stdout.write(failures === 0 ? 'Every probe ended as it must.\n' : `${failures} probe(s) did not end as they must.\n`);
process.exit(failures === 0 ? 0 : 1);
