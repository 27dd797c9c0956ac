/**
 * Invitation codes: eight characters from an alphabet without look-alikes (no 0/O, 1/I/L,
 * nor U), shown in two groups of four. A single-use code is given to one family by their
 * worker (optionally linked to a case); a shared code serves a group or an event.
 */
import * as v from 'valibot';
import { Text } from '../text/text-schemas.ts';
import { IsoDate } from '../audits/audit-dates.ts';
import { CaseRef, EntityId } from '../cases/case-schemas.ts';

/** 30 characters: 30^8 is about 6.6 × 10^11 codes, and each guess is rate-limited. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
export const CODE_LENGTH = 8;

const WELL_FORMED = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** A new random code, unformatted (`ABCDEFGH`). Unbiased: bytes past the last whole alphabet are redrawn. */
export function generateInvitationCode(randomBytes: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const limit = 256 - (256 % CODE_ALPHABET.length);
  let code = '';
  while (code.length < CODE_LENGTH) {
    for (const byte of randomBytes(CODE_LENGTH * 2)) {
      if (byte < limit && code.length < CODE_LENGTH) code += CODE_ALPHABET[byte % CODE_ALPHABET.length];
    }
  }
  return code;
}

/** `ABCD-EFGH`: how a code is shown and printed. */
export function formatInvitationCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What someone typed, as a stored code: capitals, without spaces or hyphens; `null` when
 * it cannot be a code at all (wrong length or a character the alphabet never uses).
 */
export function normaliseInvitationCode(input: string): string | null {
  const code = withoutSeparators(input);
  return WELL_FORMED.test(code) ? code : null;
}

/** Capitals, without spaces or any kind of hyphen. */
function withoutSeparators(input: string): string {
  return input.toUpperCase().replace(/[\s\-‐‑–—]/g, '');
}

/**
 * What a person typed in the code box, judged before anything is looked up: nothing; not
 * eight letters and numbers (so the box can say what a code looks like); or eight, with
 * `code` null when one of them is a character no code uses (`ABCD-1234` cannot be anyone's
 * code, so the answer is "we cannot find it", never "a code has 8 letters and numbers").
 */
export type TypedCode = { kind: 'empty' } | { kind: 'not-a-code' } | { kind: 'eight'; code: string | null };

export function readTypedCode(input: string): TypedCode {
  const typed = withoutSeparators(input);
  if (typed === '') return { kind: 'empty' };
  if (!/^[A-Z0-9]{8}$/.test(typed)) return { kind: 'not-a-code' };
  return { kind: 'eight', code: WELL_FORMED.test(typed) ? typed : null };
}

export const CODE_KINDS = ['single-use', 'shared'] as const;
export type CodeKind = (typeof CODE_KINDS)[number];
export const CODE_KIND_LABELS: Record<CodeKind, string> = { 'single-use': 'Single use (one family)', shared: 'Shared (a group or event)' };

export const CODE_STATUSES = ['active', 'used', 'expired', 'revoked'] as const;
export type CodeStatus = (typeof CODE_STATUSES)[number];
export const CODE_STATUS_LABELS: Record<CodeStatus, string> = { active: 'Active', used: 'Used', expired: 'Expired', revoked: 'Revoked' };

/** How many responses a shared code takes unless its issuer says otherwise. */
export const DEFAULT_SHARED_RESPONSES = 200;
export const MAX_SHARED_RESPONSES = 2000;

export const CodeId = EntityId;

export const IssueCodeBody = v.pipe(
  v.strictObject({
    kind: v.picklist(CODE_KINDS, 'Choose single-use or shared'),
    /** The last day the code works (Europe/London); never after the activity closes. */
    expiresOn: IsoDate,
    /** Single-use codes only: the case the family belongs to, so a safety alert can name it. */
    caseRef: v.optional(CaseRef),
    /** Shared codes only: how many responses it takes (default 200). */
    maxResponses: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_SHARED_RESPONSES))),
    /** A note for staff, e.g. "Year 9 group, 12 March". Never shown to families. */
    label: v.optional(Text({ max: 80, required: 'Enter a label, or leave it out' })),
  }),
  v.forward(
    v.check((b) => b.kind === 'single-use' || b.caseRef === undefined, 'Only a single-use code can be linked to a case'),
    ['caseRef'],
  ),
  v.forward(
    v.check((b) => b.kind === 'shared' || b.maxResponses === undefined, 'A single-use code takes one response'),
    ['maxResponses'],
  ),
);
export type IssueCodeBody = v.InferOutput<typeof IssueCodeBody>;

export const ListCodesQuery = v.object({
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'limit must be a whole number'), v.transform(Number), v.minValue(1), v.maxValue(100))),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(2048))),
});

/** A code as staff see it. The code itself is shown so it can be read out or printed. */
export interface InvitationCode {
  id: string;
  activityId: string;
  /** Formatted, `ABCD-EFGH`. */
  code: string;
  kind: CodeKind;
  /** `null`: works for as long as the activity is open (the demo codes). */
  expiresOn: string | null;
  caseRef?: string;
  maxResponses: number;
  label?: string;
  issuedBy: string;
  createdAt: string;
  revokedAt?: string;
  revokedBy?: string;
  /** Sessions opened and responses submitted with the code. */
  sessions: number;
  submissions: number;
  version: number;
}

export interface InvitationCodeView extends InvitationCode {
  status: CodeStatus;
}

export function codeStatus(code: Pick<InvitationCode, 'revokedAt' | 'expiresOn' | 'submissions' | 'maxResponses'>, today: string): CodeStatus {
  if (code.revokedAt) return 'revoked';
  if (code.submissions >= code.maxResponses) return 'used';
  if (code.expiresOn !== null && today > code.expiresOn) return 'expired';
  return 'active';
}

/** Sessions a code may open: a family may come back a few times; a group several times over. */
export function sessionLimit(code: Pick<InvitationCode, 'kind' | 'maxResponses'>): number {
  return code.kind === 'single-use' ? 20 : code.maxResponses * 3 + 10;
}

/** The anonymous public link of one activity: sessions and submissions a London day. */
export const PUBLIC_LINK_DAILY_LIMIT = 500;
