/**
 * Opaque list cursors. A cursor wraps DynamoDB's LastEvaluatedKey; on the way back in it
 * is checked to lie inside the caller's own partition, so a forged cursor reads nothing.
 */
import { ApiError } from './api-error.ts';

export const DEFAULT_PAGE_SIZE = 25;

export interface Cursor {
  /** Which of several partitions a multi-partition list had reached. */
  part?: number;
  key?: Record<string, string>;
}

export function encodeCursor(cursor: Cursor | undefined): string | null {
  if (!cursor) return null;
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(raw: string | undefined, tenantRoot: string): Cursor | undefined {
  if (!raw) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalidCursor();
  const { part, key } = parsed as Cursor;
  if (part !== undefined && (!Number.isInteger(part) || part < 0 || part > 100)) throw invalidCursor();
  if (key !== undefined) {
    if (typeof key !== 'object' || key === null || Array.isArray(key)) throw invalidCursor();
    for (const [name, value] of Object.entries(key)) {
      if (typeof value !== 'string' || value.length > 512) throw invalidCursor();
      if (name.endsWith('PK') && value !== tenantRoot && !value.startsWith(`${tenantRoot}#`)) throw invalidCursor();
    }
  }
  return { part, key };
}

/** The partition a query reads and the key attributes its LastEvaluatedKey carries. */
export interface CursorScope {
  partitionKey: string;
  partitionValue: string;
  keyNames: readonly string[];
  /** When the query reads a `begins_with` range of the sort key. */
  sortKey?: { name: string; prefix: string };
}

/**
 * A cursor's key must have exactly the query's key attributes and lie in the partition it
 * reads. DynamoDB refuses any other start key with a ValidationException, which would
 * otherwise surface as a 500 for what is only bad input.
 */
export function requireCursorIn(key: Record<string, string> | undefined, scope: CursorScope): void {
  if (key === undefined) return;
  const names = Object.keys(key);
  if (names.length !== scope.keyNames.length || !scope.keyNames.every((name) => typeof key[name] === 'string')) throw invalidCursor();
  if (key[scope.partitionKey] !== scope.partitionValue) throw invalidCursor();
  if (scope.sortKey && !key[scope.sortKey.name]!.startsWith(scope.sortKey.prefix)) throw invalidCursor();
}

function invalidCursor() {
  return new ApiError('validation', 'The cursor is not valid', { errors: [{ path: 'cursor', message: 'Use the nextCursor from a previous page' }] });
}
