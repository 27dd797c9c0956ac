/**
 * A row of a reference changes file: a case's old reference and its new one. Checked against
 * the authority's cases and the changes already made, and against the rest of the file: each
 * case once (the import's duplicate check, by old reference), each new reference once, and no
 * chains or loops (a reference both changed and given in one file), which would depend on the
 * order the rows are applied in.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { shorten } from '@waypoint/shared/imports/import-values';
import type { TenantContext } from '../platform/auth/caller.ts';
import { readRenames, type CaseRename } from '../cases/case-reference-move.ts';
import { loadImportLookups, type ImportLookups } from './import-lookups.ts';
import type { RowReader } from './import-rows.ts';
import { SeenKeys } from './seen-keys.ts';

const REF = /^[A-Za-z0-9-]{1,32}$/;

export interface ReferenceChange {
  /** The old reference as the case has it in Waypoint (or had it, when the change is already made). */
  from: string;
  to: string;
}

/** The authority's case references and past changes, and what this pass has seen so far in the file. */
export interface ReferenceLookups extends ImportLookups {
  /** Stored reference by upper-case reference. */
  cases: Map<string, string>;
  renames: Map<string, CaseRename>;
  /** The row each new and each old reference of the file is first on: fixed in size, whatever the file's length (seen-keys.ts). */
  newRefRows: SeenKeys;
  oldRefRows: SeenKeys;
}

async function caseRefs(tenant: TenantContext): Promise<Map<string, string>> {
  const refs = new Map<string, string>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await tenant.db.send(
      new QueryCommand({
        TableName: tenant.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :prefix)',
        ExpressionAttributeValues: { ':pk': tenant.keys.casesByTeam().GSI1PK, ':prefix': tenant.keys.casesByTeam().GSI1SK },
        ExpressionAttributeNames: { '#ref': 'ref' },
        ProjectionExpression: '#ref',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) refs.set(String(item.ref).toUpperCase(), String(item.ref));
    start = page.LastEvaluatedKey;
  } while (start);
  return refs;
}

export async function loadReferenceLookups(tenant: TenantContext): Promise<ReferenceLookups> {
  const [base, cases, renames] = await Promise.all([loadImportLookups(tenant), caseRefs(tenant), readRenames(tenant)]);
  return { ...base, cases, renames, newRefRows: new SeenKeys(), oldRefRows: new SeenKeys() };
}

export function referenceChangeFromRow(row: RowReader, lookups: ImportLookups): { key: string; value: ReferenceChange } | undefined {
  const l = lookups as ReferenceLookups;
  const oldRef = row.required('oldRef', 'The old case reference');
  const newRef = row.required('newRef', 'The new case reference');
  if (oldRef !== undefined && !REF.test(oldRef)) row.problem('oldRef', `“${shorten(oldRef)}” is not a case reference: references have letters, digits and hyphens only, at most 32 characters.`);
  if (newRef !== undefined && !REF.test(newRef)) row.problem('newRef', `“${shorten(newRef)}” cannot be a case reference: use letters, digits and hyphens only, at most 32 characters.`);
  if (row.problems.length || oldRef === undefined || newRef === undefined) return undefined;
  const oldKey = oldRef.toUpperCase();
  const newKey = newRef.toUpperCase();
  if (oldKey === newKey) {
    row.problem('newRef', oldRef === newRef ? 'The new reference is the same as the old one.' : 'The new reference differs from the old one only in capital letters, which Waypoint treats as the same reference.');
    return undefined;
  }
  // Within the file: a reference given twice, or given and also changed, depends on row order.
  const earlierNew = l.newRefRows.get(newKey);
  if (earlierNew !== undefined) row.problem('newRef', `${newRef} is also the new reference on row ${earlierNew}: two cases cannot share a reference.`);
  const oldGivenOn = l.newRefRows.get(oldKey);
  if (oldGivenOn !== undefined) row.problem('oldRef', `${oldRef} is the new reference on row ${oldGivenOn}: a file cannot change a reference it also gives out. Make this change in a separate file afterwards.`);
  const newChangedOn = l.oldRefRows.get(newKey);
  if (newChangedOn !== undefined) row.problem('newRef', `${newRef} is changed on row ${newChangedOn}: a file cannot give out a reference it also changes. Make this change in a separate file afterwards.`);
  if (earlierNew === undefined) l.newRefRows.set(newKey, row.number);
  l.oldRefRows.set(oldKey, row.number);
  if (row.problems.length) return undefined;

  // Against Waypoint: a change already made (by this file or an earlier one) is fine to meet again.
  const done = l.renames.get(oldKey);
  if (done) {
    if (done.to.toUpperCase() === newKey) return { key: oldKey, value: { from: done.from, to: done.to } };
    row.problem('oldRef', `${done.from} was already changed to ${done.to}. Check the file: the case is now ${done.to}.`);
    return undefined;
  }
  const stored = l.cases.get(oldKey);
  if (stored === undefined) row.problem('oldRef', `There is no case ${oldRef} in Waypoint. Check the reference, or import the case first.`);
  if (l.cases.has(newKey)) row.problem('newRef', `${newRef} is already the reference of another case in Waypoint. If that case is changing reference too, change it first in a separate file.`);
  else if (l.renames.has(newKey)) row.problem('newRef', `${newRef} was a case’s reference before it changed; it stays taken so that links with it still find that case.`);
  if (row.problems.length || stored === undefined) return undefined;
  return { key: oldKey, value: { from: stored, to: newRef } };
}
