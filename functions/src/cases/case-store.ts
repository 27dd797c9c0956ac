/** Cases in DynamoDB: one item per case, indexed by team, case holder and student. */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Case, CaseType } from '@waypoint/shared/cases/case-schemas';
import { countInTenantSize } from '../tenants/tenant-size.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { createItem, getItem, updateVersioned } from '../platform/database/versioned-items.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { decodeCursor, encodeCursor, requireCursorIn, type Cursor } from '../platform/http/pagination.ts';
import type { CaseViewer } from './case-scope.ts';

/** What a client is told when it changes a case while its reference is being changed. */
export const CASE_MOVING_MESSAGE = 'This case’s reference is being changed; try again in a moment';

/**
 * Refuses a change to a case whose reference is being changed (`cases/case-reference-move.ts`):
 * a change written to the old reference after its records were copied would be lost.
 */
export function refuseWhileMoving(c: Pick<Case, 'referenceMovingTo'> | undefined): void {
  if (c?.referenceMovingTo) throw new ApiError('conflict', CASE_MOVING_MESSAGE);
}

export function getCase(tenant: TenantContext, ref: string): Promise<Case | undefined> {
  return getItem<Case>(tenant, tenant.keys.case(ref));
}

/**
 * A case by a reference a person typed, whatever case its letters are in ("nv-00021" finds
 * NV-00021); the case returned carries the authority's stored form. The exact reference is
 * read first, so only a differently typed one costs more: then the lookup written with the
 * case, and for a case stored before lookups existed its upper- and lower-case forms.
 */
export async function findCase(tenant: TenantContext, typed: string): Promise<Case | undefined> {
  const exact = await getCase(tenant, typed);
  if (exact) return exact;
  const lookup = await getItem<{ ref: string }>(tenant, tenant.keys.caseRefLookup(typed));
  if (lookup && lookup.ref !== typed) return getCase(tenant, lookup.ref);
  for (const form of new Set([typed.toUpperCase(), typed.toLowerCase()])) {
    if (form === typed) continue;
    const found = await getCase(tenant, form);
    if (found) return found;
  }
  return undefined;
}

/** The lookup item that lets `findCase` find a case however its reference is typed. */
export function caseRefLookupItem(tenant: TenantContext, ref: string) {
  return { ...tenant.keys.caseRefLookup(ref), ref };
}

/** Index attributes follow the case's team, holder and student; null removes a sparse entry. */
export function caseIndexAttributes(tenant: TenantContext, c: Pick<Case, 'ref' | 'teamId' | 'holderId' | 'studentId'>) {
  const entries = tenant.keys.caseIndexEntries({ ref: c.ref, teamId: c.teamId, holderId: c.holderId, studentId: c.studentId ?? undefined });
  return { GSI2PK: null, GSI2SK: null, GSI3PK: null, GSI3SK: null, ...entries };
}

/**
 * The lookup first, so two references that differ only in case ("NV-1" and "nv-1") cannot
 * both exist; a retry finds its own lookup and goes on to the case.
 */
export async function putNewCase(tenant: TenantContext, c: Case): Promise<void> {
  try {
    await tenant.db.send(
      new PutCommand({
        TableName: tenant.tableName,
        Item: caseRefLookupItem(tenant, c.ref),
        ConditionExpression: 'attribute_not_exists(PK) OR #ref = :ref',
        ExpressionAttributeNames: { '#ref': 'ref' },
        ExpressionAttributeValues: { ':ref': c.ref },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw new ApiError('conflict', 'A case with that reference already exists');
    throw error;
  }
  const indexes = Object.fromEntries(Object.entries(caseIndexAttributes(tenant, c)).filter(([, v]) => v !== null));
  await createItem({ tenant, key: tenant.keys.case(c.ref), item: { ...c, ...indexes }, what: 'case' });
  await countInTenantSize(tenant, 'cases');
}

export function updateCase(options: { tenant: TenantContext; current: Case; expectedVersion: number; changes: Partial<Case>; at: string }) {
  const { tenant, current } = options;
  const next = { ...current, ...options.changes };
  return updateVersioned<Case>({
    tenant,
    current,
    key: tenant.keys.case(current.ref),
    expectedVersion: options.expectedVersion,
    changes: { ...options.changes, ...caseIndexAttributes(tenant, next) },
    at: options.at,
    what: 'case',
  });
}

interface CasePartition {
  index: 'GSI1' | 'GSI2' | 'GSI3';
  partitionKey: string;
  partitionValue: string;
  sortPrefix?: string;
}

/** The index partitions that together hold exactly the cases a viewer may list. */
function partitionsFor(tenant: TenantContext, viewer: CaseViewer, team: string | undefined): CasePartition[] {
  const k = tenant.keys;
  switch (viewer.scope) {
    case 'own':
      return [{ index: 'GSI2', partitionKey: 'GSI2PK', partitionValue: k.casesByHolder(viewer.caller.userId).GSI2PK }];
    case 'student':
      return [{ index: 'GSI3', partitionKey: 'GSI3PK', partitionValue: k.casesByStudent(viewer.caller.userId).GSI3PK }];
    case 'team': {
      const teams = team === undefined ? viewer.teamIds : viewer.teamIds.filter((t) => t === team);
      return teams.map((t) => ({ index: 'GSI1', partitionKey: 'GSI1PK', ...byTeam(k.casesByTeam(t)) }));
    }
    case 'tenant':
      return [{ index: 'GSI1', partitionKey: 'GSI1PK', ...byTeam(k.casesByTeam(team)) }];
    case 'none':
      return [];
  }
}

function byTeam(keys: { GSI1PK: string; GSI1SK: string }) {
  return { partitionValue: keys.GSI1PK, sortPrefix: keys.GSI1SK };
}

/**
 * Every attribute a case shows, and only those, as the list's projection names each: the list
 * reads these from the index, not the six or eight key attributes beside them in each item (nor
 * an import's own note, `lastImport`), so a page is nearly half the bytes for the SDK to parse
 * and turn into objects (9.2 KB of DynamoDB JSON for 25 demo cases, not 17.4). A field added to `Case` fails to compile until it is named here; one
 * whose name DynamoDB reserves (as `ref` and `status`) goes by a `#` placeholder, or the list's
 * Query is refused.
 */
const CASE_ATTRIBUTES: Record<keyof Case, string> = {
  ref: '#ref',
  teamId: 'teamId',
  caseType: 'caseType',
  ageBand: 'ageBand',
  gender: 'gender',
  ethnicity: 'ethnicity',
  disability: 'disability',
  holderId: 'holderId',
  studentId: 'studentId',
  status: '#status',
  label: 'label',
  openedOn: 'openedOn',
  closedOn: 'closedOn',
  legalHold: 'legalHold',
  referenceMovingTo: 'referenceMovingTo',
  version: 'version',
  createdAt: 'createdAt',
  updatedAt: 'updatedAt',
};
const CASE_PROJECTION = Object.values(CASE_ATTRIBUTES).join(', ');
const CASE_PLACEHOLDERS = Object.fromEntries(Object.entries(CASE_ATTRIBUTES).flatMap(([name, named]) => (named.startsWith('#') ? [[named, name]] : [])));

export async function listCases(options: { tenant: TenantContext; viewer: CaseViewer; team?: string; caseType?: CaseType; status?: Case['status']; limit: number; cursor?: string }): Promise<{ items: Case[]; nextCursor: string | null }> {
  const { tenant } = options;
  const partitions = partitionsFor(tenant, options.viewer, options.team);
  let position: Cursor | undefined = decodeCursor(options.cursor, tenant.keys.root) ?? { part: 0 };
  const items: Case[] = [];
  // Walk the partitions in order until the page is full; the cursor remembers where we stopped.
  while (position && (position.part ?? 0) < partitions.length && items.length < options.limit) {
    const part: number = position.part ?? 0;
    const p = partitions[part]!;
    const sortKey = p.partitionKey.replace('PK', 'SK');
    requireCursorIn(position.key, { partitionKey: p.partitionKey, partitionValue: p.partitionValue, keyNames: [p.partitionKey, sortKey, 'PK', 'SK'], sortKey: p.sortPrefix ? { name: sortKey, prefix: p.sortPrefix } : undefined });
    const input: QueryCommandInput = {
      TableName: tenant.tableName,
      IndexName: p.index,
      KeyConditionExpression: p.sortPrefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
      ExpressionAttributeNames: { ...CASE_PLACEHOLDERS, '#pk': p.partitionKey, ...(p.sortPrefix ? { '#sk': p.partitionKey.replace('PK', 'SK') } : {}) },
      ExpressionAttributeValues: { ':pk': p.partitionValue, ...(p.sortPrefix ? { ':prefix': p.sortPrefix } : {}) },
      ProjectionExpression: CASE_PROJECTION,
      Limit: options.limit - items.length,
      ExclusiveStartKey: position.key,
    };
    const filters = Object.entries({ caseType: options.caseType, status: options.status }).filter(([, value]) => value !== undefined);
    if (filters.length) {
      input.FilterExpression = filters.map(([name]) => `#${name} = :${name}`).join(' AND ');
      for (const [name, value] of filters) {
        input.ExpressionAttributeNames![`#${name}`] = name;
        input.ExpressionAttributeValues![`:${name}`] = value;
      }
    }
    const result = await tenant.db.send(new QueryCommand(input));
    items.push(...((result.Items ?? []) as Case[]));
    position = result.LastEvaluatedKey ? { part, key: result.LastEvaluatedKey as Record<string, string> } : part + 1 < partitions.length ? { part: part + 1 } : undefined;
  }
  return { items, nextCursor: encodeCursor(position) };
}

/** How many of a team's cases are open: the team's GSI1 range, counted, never returned. */
export async function countOpenCases(tenant: TenantContext, teamId: string): Promise<number> {
  const range = tenant.keys.casesByTeam(teamId);
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const result = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
        FilterExpression: '#status = :open',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pk': range.GSI1PK, ':prefix': range.GSI1SK, ':open': 'open' },
        Select: 'COUNT',
        ExclusiveStartKey: start,
      }),
    );
    count += result.Count ?? 0;
    start = result.LastEvaluatedKey;
  } while (start);
  return count;
}
