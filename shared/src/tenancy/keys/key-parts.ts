/**
 * The parts every key is built from, and the checks on them: a tenant root is `TENANT#<uuid>`,
 * and an id containing the separator is refused, so one tenant's key can never be made to look
 * like another's.
 */

export const SEPARATOR = '#';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Ids are ULIDs, slugs, case references or emails: printable, no separator, bounded. */
const SAFE_ID = /^[A-Za-z0-9._@+-]{1,128}$/;

export class UnsafeKeyPartError extends Error {
  constructor(part: string) {
    super(`"${part}" is not a valid identifier`);
    this.name = 'UnsafeKeyPartError';
  }
}

export function isTenantId(value: string): boolean {
  return UUID.test(value);
}

export function isSafeId(value: string): boolean {
  return SAFE_ID.test(value);
}

export function safe(part: string, what: string): string {
  if (!SAFE_ID.test(part)) throw new UnsafeKeyPartError(what);
  return part;
}

export function tenantRoot(tenantId: string): string {
  if (!UUID.test(tenantId)) throw new UnsafeKeyPartError('tenant id');
  return `TENANT#${tenantId}`;
}

export function isoTime(at: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(at)) throw new UnsafeKeyPartError('time');
  return at;
}

/** Zero-padded so versions sort as numbers. */
export function versionNumber(version: number): string {
  if (!Number.isInteger(version) || version < 1 || version > 999_999) throw new UnsafeKeyPartError('version');
  return String(version).padStart(6, '0');
}

/** A file's row number, zero-padded so rows sort in order. */
export function rowNumber(row: number): string {
  if (!Number.isInteger(row) || row < 0 || row > 9_999_999) throw new UnsafeKeyPartError('row');
  return String(row).padStart(7, '0');
}

/** A `YYYY-MM#` sort-key prefix, or every month. */
export function monthPrefix(month: string | undefined): string {
  return month === undefined ? '' : `${safe(month, 'month')}#`;
}

export interface Key {
  PK: string;
  SK: string;
}
