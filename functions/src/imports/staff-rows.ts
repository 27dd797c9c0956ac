/** A row of a staff file as the person it describes: email, name, role and teams. */
import { parseRole, shorten } from '@waypoint/shared/imports/import-values';
import type { StaffRole } from '@waypoint/shared/tenancy/roles';
import type { ImportLookups } from './import-lookups.ts';
import type { RowReader } from './import-rows.ts';

export interface StaffFromRow {
  email: string;
  name: string;
  role: StaffRole;
  /** Undefined when the file has no teams column: their teams are left as they are. */
  teamIds?: string[];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function staffFromRow(row: RowReader, lookups: ImportLookups): { key: string; value: StaffFromRow } | undefined {
  const email = row.required('email', 'The email address')?.toLowerCase();
  if (email !== undefined && (!EMAIL.test(email) || email.length > 254)) row.problem('email', `“${shorten(email)}” is not an email address.`);
  const name = row.required('name', 'The name');
  if (name !== undefined && name.length > 120) row.problem('name', 'The name is longer than 120 characters.');
  const role = row.parse('role', row.required('role', 'The role'), parseRole);
  let teamIds: string[] | undefined;
  if (row.mapped('teams')) {
    teamIds = [];
    for (const part of (row.text('teams') ?? '')
      .split(/[;|]/)
      .map((t) => t.trim())
      .filter(Boolean)) {
      const team = lookups.team(part);
      if (!team) row.problem('teams', `There is no team called “${shorten(part)}” in Waypoint. Add it under Teams, or correct the name.`);
      else if (!teamIds.includes(team.id)) teamIds.push(team.id);
    }
    if (teamIds.length > 20) row.problem('teams', 'Someone can be in at most 20 teams.');
  }
  if (row.problems.length || !email || !name || !role) return undefined;
  return { key: email, value: { email, name, role, ...(teamIds ? { teamIds } : {}) } };
}
