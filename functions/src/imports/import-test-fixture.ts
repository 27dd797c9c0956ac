/**
 * What the imports tests share, so each says only what it checks: a real local database for the
 * test file (started before its tests, closed after), an authority provisioned in it with its
 * teams, a file on disk the work reads as it would an uploaded one, and an import's record as an
 * upload makes it. Only tests import this.
 */
import { createReadStream, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll } from 'vitest';
import { tenantContext, type TenantContext } from '../platform/auth/caller.ts';
import { createDocumentClient } from '../platform/database/clients.ts';
import { startLocalDatabase, type LocalDatabase } from '../platform/database/local-database.ts';
import { ensureTable } from '../platform/database/table-bootstrap.ts';
import { putNewTeam } from '../teams/team-store.ts';
import { provisionTenant } from '../tenants/tenant-creation.ts';
import type { ImportFileSource } from './import-file.ts';
import type { StoredImport } from './import-store.ts';

export const TABLE_NAME = 'waypoint';
export const PORTAL_URL = 'http://localhost:5173';
/** When the authorities and their teams were made. */
export const AT = '2026-01-01T00:00:00.000Z';

export interface ImportDatabase {
  /** The document client; read it inside hooks and tests, once the database has started. */
  readonly db: DynamoDBDocumentClient;
}

/**
 * The test file's own local database with the one table. Call it at the top of the file: its
 * `beforeAll` runs before the file's own.
 */
export function useImportDatabase(): ImportDatabase {
  let database: LocalDatabase | undefined;
  let client: DynamoDBDocumentClient | undefined;
  beforeAll(async () => {
    database = await startLocalDatabase();
    client = createDocumentClient({ endpoint: database.endpoint, region: 'eu-west-2' });
    await ensureTable(client, TABLE_NAME);
  });
  afterAll(async () => {
    await database?.close();
  });
  return {
    get db() {
      if (!client) throw new Error('The import database is not started yet: read `db` inside a hook or a test.');
      return client;
    },
  };
}

/** An authority provisioned as the operator would, with its teams (by default North Assessment only). */
export async function setUpAuthority(db: DynamoDBDocumentClient, authority: { tenantId: string; slug: string; name?: string; region?: string; teams?: readonly { id: string; name: string }[] }): Promise<TenantContext> {
  const { tenantId, slug, name = slug, region = 'North East', teams = [{ id: 'north', name: 'North Assessment' }] } = authority;
  const tenant = tenantContext({ tenantId, db, tableName: TABLE_NAME, portalUrl: PORTAL_URL });
  await provisionTenant({ platform: { db, tableName: TABLE_NAME }, tenant, newTenant: { tenantId, slug, name, region, at: AT }, adminEmail: `admin@${slug}.example` });
  for (const team of teams) await putNewTeam(tenant, { ...team, status: 'open', version: 1, createdAt: AT, updatedAt: AT });
  return tenant;
}

let folder: string | undefined;

/** A file with this content, read as the work reads an uploaded one (from any byte onwards). */
export function importFileOf(content: string | Buffer, name = `${ulid()}.csv`): () => Promise<ImportFileSource> {
  folder ??= mkdtempSync(join(tmpdir(), 'waypoint-import-'));
  const path = join(folder, name);
  writeFileSync(path, content);
  return async () => ({ size: statSync(path).size, stream: async (start = 0) => createReadStream(path, { start }) });
}

/** An import's record as an upload makes it (a Mosaic case file, being read), with any fields changed. */
export function uploadedImport(fields: Partial<StoredImport> = {}): StoredImport {
  const at = fields.createdAt ?? new Date().toISOString();
  return {
    id: ulid(),
    kind: 'cases',
    source: 'mosaic',
    fileName: 'export.csv',
    format: 'csv',
    status: 'reading',
    rowsTotal: 0,
    rowsDone: 0,
    rowsWithProblems: 0,
    problemsListed: 0,
    attempt: 1,
    counts: { created: 0, updated: 0, unchanged: 0, refused: 0 },
    createdBy: 'qa-1',
    createdAt: at,
    updatedAt: at,
    version: 1,
    objectKey: 'k',
    ...fields,
  };
}
