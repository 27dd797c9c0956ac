/** A row of a cases file as the case it describes: the authority's reference, team, type, holder, dates and optional demographics. */
import type { Case } from '@waypoint/shared/cases/case-schemas';
import { parseAgeBand, parseCaseStatus, parseCaseType, parseDisability, parseEthnicity, parseGender, parseImportDate, shorten } from '@waypoint/shared/imports/import-values';
import type { ImportLookups } from './import-lookups.ts';
import type { RowReader } from './import-rows.ts';

const REF = /^[A-Za-z0-9-]{1,32}$/;

/** The case fields a row sets; a mapped optional column left empty clears its field (undefined). */
export type CaseFromRow = Pick<Case, 'ref' | 'teamId' | 'caseType' | 'status'> & Partial<Pick<Case, 'holderId' | 'openedOn' | 'closedOn' | 'ageBand' | 'gender' | 'ethnicity' | 'disability'>>;

export function caseFromRow(row: RowReader, lookups: ImportLookups, today: string): { key: string; value: CaseFromRow } | undefined {
  const ref = row.required('ref', 'The case reference');
  if (ref !== undefined && !REF.test(ref)) row.problem('ref', `“${shorten(ref)}” is not a case reference Waypoint can keep: use letters, digits and hyphens only, at most 32 characters.`);
  const teamText = row.required('team', 'The team');
  const team = teamText === undefined ? undefined : lookups.team(teamText);
  if (teamText !== undefined && !team) row.problem('team', `There is no team called “${shorten(teamText)}” in Waypoint. Add it under Teams, or correct the name, and check again.`);
  const caseType = row.parse('caseType', row.required('caseType', 'The case type'), parseCaseType);
  const value: Partial<CaseFromRow> = { ref, teamId: team?.id, caseType };

  if (row.mapped('holder')) {
    const email = row.text('holder');
    const holder = email === undefined ? undefined : lookups.userByEmail(email);
    if (email !== undefined && !holder) row.problem('holder', `No one with the email ${shorten(email)} is in Waypoint. Import or add them first, or leave the cell empty.`);
    value.holderId = holder?.id;
  }
  if (row.mapped('openedOn')) value.openedOn = row.parse('openedOn', row.raw('openedOn'), (cell: string | Date) => parseImportDate(cell, today));
  if (row.mapped('closedOn')) value.closedOn = row.parse('closedOn', row.raw('closedOn'), (cell: string | Date) => parseImportDate(cell, today));
  if (value.openedOn && value.closedOn && value.closedOn < value.openedOn) row.problem('closedOn', `The case closed (${value.closedOn}) before it opened (${value.openedOn}).`);
  const status = row.parse('status', row.text('status'), parseCaseStatus);
  if (status === 'open' && value.closedOn) row.problem('status', 'The case is marked open but has a closing date.');
  value.status = status ?? (value.closedOn ? 'closed' : 'open');
  if (row.mapped('ageBand')) value.ageBand = row.parse('ageBand', row.text('ageBand'), parseAgeBand);
  if (row.mapped('gender')) value.gender = row.parse('gender', row.text('gender'), parseGender);
  if (row.mapped('ethnicity')) value.ethnicity = row.parse('ethnicity', row.text('ethnicity'), parseEthnicity);
  if (row.mapped('disability')) value.disability = row.parse('disability', row.text('disability'), parseDisability);

  if (row.problems.length || ref === undefined) return undefined;
  // Two references that differ only in their letters' case are one case (as `findCase` reads them).
  return { key: ref.toUpperCase(), value: value as CaseFromRow };
}
