/**
 * Optimistic concurrency: every mutable item has a `version`, sent as a strong ETag; a
 * change must quote it in If-Match so two people editing never lose each other's work.
 */
import type { Context } from 'hono';
import { ApiError } from './api-error.ts';

export function etagOf(version: number): string {
  return `"${version}"`;
}

export function setEtag(c: Context, version: number): void {
  c.header('ETag', etagOf(version));
}

/**
 * The version the client last saw; 428 when missing, 412 when unreadable (it can match
 * nothing). If-Match uses the strong comparison (RFC 9110 13.1.1), so a weak tag such as
 * `W/"2"` never matches: it only says the content is equivalent, not the same version.
 */
export function requireIfMatch(c: Context): number {
  const header = c.req.header('if-match');
  if (!header) throw new ApiError('precondition-required', 'Send If-Match with the ETag you last read');
  const match = /^"(\d{1,9})"$/.exec(header.trim());
  if (!match) throw new ApiError('precondition-failed', 'If-Match does not match the current version');
  return Number(match[1]);
}
