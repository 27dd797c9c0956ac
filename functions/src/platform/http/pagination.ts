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
  if (!parsed || typeof parsed !== 'object') throw invalidCursor();
  const { part, key } = parsed as Cursor;
  if (part !== undefined && (!Number.isInteger(part) || part < 0 || part > 100)) throw invalidCursor();
  if (key !== undefined) {
    if (typeof key !== 'object' || key === null) throw invalidCursor();
    for (const [name, value] of Object.entries(key)) {
      if (typeof value !== 'string' || value.length > 512) throw invalidCursor();
      if (name.endsWith('PK') && value !== tenantRoot && !value.startsWith(`${tenantRoot}#`)) throw invalidCursor();
    }
  }
  return { part, key };
}

function invalidCursor() {
  return new ApiError('validation', 'The cursor is not valid', { errors: [{ path: 'cursor', message: 'Use the nextCursor from a previous page' }] });
}
