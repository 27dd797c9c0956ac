import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { builtInTemplateItems } from '@waypoint/shared/templates/built-in/built-in-template-items';
import { tenantContext } from '../platform/auth/caller.ts';
import { createDocumentClient } from '../platform/database/clients.ts';
import { startLocalDatabase, type LocalDatabase } from '../platform/database/local-database.ts';
import { ensureTable } from '../platform/database/table-bootstrap.ts';
import { ensureBuiltInTemplates } from './built-in-templates.ts';

const TENANT = '7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801';
const AT = '2026-11-26T09:00:00.000Z';
let database: LocalDatabase;

beforeAll(async () => {
  database = await startLocalDatabase();
});
afterAll(async () => {
  await database?.close();
});

it('onboarding writes exactly the template items the API would', async () => {
  const db = createDocumentClient({ endpoint: database.endpoint, region: 'eu-west-2' });
  await ensureTable(db, 'waypoint');
  await ensureBuiltInTemplates(tenantContext({ tenantId: TENANT, db, tableName: 'waypoint', portalUrl: 'https://waypoint.example' }), AT);
  const expected = builtInTemplateItems(TENANT, AT);
  expect(expected.length).toBeGreaterThanOrEqual(4);
  for (const item of expected) {
    const { Item } = await db.send(new GetCommand({ TableName: 'waypoint', Key: { PK: item.PK, SK: item.SK } }));
    expect(Item).toEqual(item);
  }
});
