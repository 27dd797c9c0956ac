import { describe, expect, it } from 'vitest';
import type { TenantDeletion } from '@waypoint/shared/tenancy/offboarding-schemas';
import { certificateFacts, certificateText } from './deletion-certificate.ts';

const done: TenantDeletion = {
  tenantId: '00000000-0000-4000-8000-000000000001',
  name: 'Southmoor Borough Council',
  slug: 'southmoor',
  leavesOn: '2026-12-07',
  dueOn: '2027-01-06',
  startedAt: '2027-01-06T02:30:00.000Z',
  step: 'done',
  records: [
    { type: 'cases', description: 'Cases', count: 60 },
    { type: 'audits', description: 'Audits with every answer', count: 1234 },
  ],
  recordsTotal: 1294,
  files: [{ area: 'evidence', count: 3 }],
  filesTotal: 3,
  accountsRemoved: 12,
  signInProvidersRemoved: 1,
  emailDomainsReleased: 2,
  recordsRemaining: 0,
  filesRemaining: 0,
  finishedAt: '2027-01-06T02:41:00.000Z',
  certificateNumber: 'WP-DEL-0123456789AB',
};

describe('the certificate of deletion', () => {
  it('gives the number, the dates and the counts, and says what was left: nothing', () => {
    const facts = Object.fromEntries(certificateFacts(done));
    expect(facts).toMatchObject({ 'Certificate number': 'WP-DEL-0123456789AB', 'Left Waypoint on': '7 December 2026', 'Records deleted': '1,294', 'Records left after a final check': '0' });
    expect(facts).toMatchObject({ 'Sign-in accounts deleted': '12', 'Council sign-in connections removed': '1', 'Email domains released': '2' });
  });

  it('as text, lists each kind with its count', () => {
    const text = certificateText(done);
    expect(text).toMatch(/^CERTIFICATE OF DELETION/);
    expect(text).toMatch(/audits\s+1,234\s+Audits with every answer/);
    expect(text).toMatch(/Evidence files\s+3/);
  });

  it('says plainly when no file was stored and the deletion is not finished', () => {
    const text = certificateText({ ...done, step: 'checking', files: [], filesTotal: 0, finishedAt: undefined, certificateNumber: undefined, recordsRemaining: undefined });
    expect(text).toContain('Not yet issued');
    expect(text).toMatch(/Files deleted, by kind\r\nNone/);
  });
});
