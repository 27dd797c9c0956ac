import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, codeStatus, formatInvitationCode, generateInvitationCode, IssueCodeBody, normaliseInvitationCode, readTypedCode, sessionLimit } from './invitation-codes.ts';

describe('invitation codes', () => {
  it('never use characters people mix up: 0 and O, 1, I and L, nor U', () => {
    for (const confusable of '0O1ILU') expect(CODE_ALPHABET).not.toContain(confusable);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });

  it('are eight characters of the alphabet, shown in two groups of four', () => {
    for (let i = 0; i < 500; i++) {
      const code = generateInvitationCode();
      expect(normaliseInvitationCode(code)).toBe(code);
      expect(formatInvitationCode(code)).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    }
  });

  it('draw every character about equally often, redrawing bytes that would bias them', () => {
    let call = 0;
    // 255 is past the last whole alphabet (240 for 30 characters) and must be skipped.
    const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => ((call + i) % 2 === 0 ? 255 : (call++ * 7 + i) % 240));
    expect(normaliseInvitationCode(generateInvitationCode(bytes))).not.toBeNull();
  });

  it('accept what people type: small letters, spaces and hyphens', () => {
    expect(normaliseInvitationCode('nv47 says')).toBe('NV47SAYS');
    expect(normaliseInvitationCode(' NV47-SAYS ')).toBe('NV47SAYS');
    expect(normaliseInvitationCode('NV47–SAYS')).toBe('NV47SAYS');
  });

  it('refuse anything that cannot be a code without looking it up', () => {
    for (const typed of ['NV47SAY', 'NV47SAYSX', 'NV47SAY0', 'NVO7SAYS', 'NV#7SAYS', '']) expect(normaliseInvitationCode(typed), typed).toBeNull();
  });

  it('judge the code box: eight letters and numbers in any case, with or without the hyphen and spaces, is a code to look up', () => {
    expect(readTypedCode('  ')).toEqual({ kind: 'empty' });
    for (const typed of ['ABCD-1234', 'abcd1234', ' abcd 1234 ']) expect(readTypedCode(typed), typed).toEqual({ kind: 'eight', code: null });
    for (const typed of ['nv8t-says', ' NV8T SAYS ', 'Nv8tSays']) expect(readTypedCode(typed), typed).toEqual({ kind: 'eight', code: 'NV8TSAYS' });
    for (const typed of ['ABC', 'ABCD-12345', 'ABCD-12#4']) expect(readTypedCode(typed), typed).toEqual({ kind: 'not-a-code' });
  });

  it('have a status from revocation, use and expiry, in that order', () => {
    const code = { expiresOn: '2026-05-31', submissions: 0, maxResponses: 1 };
    expect(codeStatus(code, '2026-05-31')).toBe('active');
    expect(codeStatus(code, '2026-06-01')).toBe('expired');
    expect(codeStatus({ ...code, submissions: 1 }, '2026-06-01')).toBe('used');
    expect(codeStatus({ ...code, submissions: 1, revokedAt: '2026-05-01T10:00:00Z' }, '2026-05-02')).toBe('revoked');
    expect(codeStatus({ ...code, expiresOn: null }, '2099-01-01')).toBe('active');
  });

  it('let a family come back a few times and a group several times over', () => {
    expect(sessionLimit({ kind: 'single-use', maxResponses: 1 })).toBe(20);
    expect(sessionLimit({ kind: 'shared', maxResponses: 30 })).toBe(100);
  });

  it('link only single-use codes to a case, and set a response limit only on shared ones', () => {
    const paths = (body: unknown) => v.safeParse(IssueCodeBody, body).issues?.map((i) => i.path?.map((p) => p.key).join('.')) ?? [];
    expect(paths({ kind: 'single-use', expiresOn: '2026-06-01', caseRef: 'NV-00001' })).toEqual([]);
    expect(paths({ kind: 'shared', expiresOn: '2026-06-01', caseRef: 'NV-00001' })).toEqual(['caseRef']);
    expect(paths({ kind: 'single-use', expiresOn: '2026-06-01', maxResponses: 5 })).toEqual(['maxResponses']);
    expect(paths({ kind: 'shared', expiresOn: '2026-02-30' })).toEqual(['expiresOn']);
  });
});
