import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantContext } from '../platform/auth/caller.ts';
import { createDocumentClient, sharedClientFactory } from '../platform/database/clients.ts';
import { startLocalDatabase, type LocalDatabase } from '../platform/database/local-database.ts';
import { ensureTable } from '../platform/database/table-bootstrap.ts';
import type { DeliverableMessage } from '../platform/email/ses-delivery.ts';
import { queueEmail } from '../platform/outbox/outbox.ts';
import { provisionTenant } from '../tenants/tenant-creation.ts';
import { deliverQueuedEmail } from './email-delivery-job.ts';
import type { JobDependencies } from './job-registry.ts';
import type { ObjectStore } from '../storage/object-store.ts';

const TENANT = '7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801';
const tableName = 'waypoint';
let database: LocalDatabase;
let deps: JobDependencies;

beforeAll(async () => {
  database = await startLocalDatabase();
  const db = createDocumentClient({ endpoint: database.endpoint, region: 'eu-west-2' });
  await ensureTable(db, tableName);
  await provisionTenant({
    platform: { db, tableName },
    tenant: tenantContext({ tenantId: TENANT, db, tableName, portalUrl: 'http://localhost:5173' }),
    newTenant: { tenantId: TENANT, slug: 'northvale', name: 'Northvale', region: 'North East', at: '2026-01-01T00:00:00.000Z' },
    adminEmail: 'admin@northvale.example',
  });
  deps = { tableName, platformClient: db, dataClientFor: sharedClientFactory({ endpoint: database.endpoint, region: 'eu-west-2' }), objects: {} as ObjectStore /* the email job stores no files */, portalUrl: 'http://localhost:5173' };
});

afterAll(async () => {
  await database?.close();
});

function queue(reason: string) {
  const tenant = tenantContext({ tenantId: TENANT, db: deps.platformClient, tableName, portalUrl: deps.portalUrl });
  return queueEmail({ tenant, reason, to: 'duty@northvale.example', subject: `About ${reason}`, text: 'Body', at: '2026-11-26T09:00:00Z' });
}

describe('email delivery job', () => {
  it('leaves messages queued when no delivery is configured (one machine)', async () => {
    await queue('waiting-1');
    const result = await deliverQueuedEmail(deps);
    expect(result.waiting).toBeGreaterThanOrEqual(1);
    expect(result.delivered).toBe(0);
  });

  it('delivers each queued message exactly once, even when two runs overlap', async () => {
    await queue('once-1');
    await queue('once-2');
    const sent: DeliverableMessage[] = [];
    const deliverEmail = async (message: DeliverableMessage) => {
      sent.push(message);
      await new Promise((r) => setTimeout(r, 20));
      return { providerMessageId: `ses-${message.id}` };
    };
    const [a, b] = await Promise.all([deliverQueuedEmail({ ...deps, deliverEmail }), deliverQueuedEmail({ ...deps, deliverEmail })]);
    expect(a.delivered + b.delivered).toBe(3); // waiting-1 from the first test, once-1, once-2
    expect(new Set(sent.map((m) => m.id)).size).toBe(sent.length);
    expect((await deliverQueuedEmail({ ...deps, deliverEmail })).delivered).toBe(0);
  });

  it('puts a message back in the queue when sending fails, and gives up after five attempts', async () => {
    await queue('failing-1');
    const deliverEmail = async () => {
      throw new Error('SES refused');
    };
    for (let attempt = 1; attempt <= 5; attempt++) expect((await deliverQueuedEmail({ ...deps, deliverEmail })).failed).toBe(1);
    expect((await deliverQueuedEmail({ ...deps, deliverEmail })).failed).toBe(0);
    const tenant = tenantContext({ tenantId: TENANT, db: deps.platformClient, tableName, portalUrl: deps.portalUrl });
    const messages = await deps.platformClient.send(new QueryCommand({ TableName: tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': tenant.keys.outboxPartition() } }));
    const failing = messages.Items?.find((m) => m.subject === 'About failing-1');
    expect(failing).toMatchObject({ status: 'failed', attempts: 5 });
  });
});
