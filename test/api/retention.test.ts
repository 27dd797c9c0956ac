/**
 * Retention of closed cases: past its case type's years a closed case goes with its audits and
 * actions, a case on legal hold stays, a second run deletes nothing more, the preview says what
 * is due (cases named to QA only) and the log keeps counts and dates, never a reference.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '@waypoint/shared/time/clock';
import { removeExpiredItems } from '@waypoint/functions/jobs/retention-job';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv, readVersioned } from './api-client.ts';
import { completedAudit } from './audits-support.ts';

let stack: TestStack;
let auditId: string;

async function close(ref: string, extra: Record<string, unknown> = {}) {
  const { etag } = await readVersioned(stack, nv('qa'), `/v1/cases/${ref}`);
  await expectJson(await stack.api(nv('qa'), `/v1/cases/${ref}`, jsonInit('PATCH', { status: 'closed', ...extra }, { 'if-match': etag })));
}

beforeAll(async () => {
  stack = await startStack();
  auditId = (await completedAudit(stack, { caseRef: 'NV-00007' })).audit.id;
  await close('NV-00007');
  await close('NV-00008', { legalHold: true });
});
afterAll(async () => {
  clock.set(undefined);
  await stack?.stop();
});

const THIRTY_YEARS = 30 * 366 * 86_400_000;

interface Preview {
  dueNow: { cases: number };
  onLegalHold: number;
  cases?: { ref: string }[];
  held?: { ref: string; deletedFrom: string }[];
}

describe('retention of closed cases', () => {
  it('previews what will go, naming cases to QA and not to the tenant admin', async () => {
    clock.set(new Date(Date.now() + THIRTY_YEARS));
    try {
      const preview = await expectJson<Preview>(await stack.api(nv('qa'), '/v1/retention/preview'));
      expect(preview.cases!.map((c) => c.ref)).toContain('NV-00007');
      expect(preview.cases!.map((c) => c.ref)).not.toContain('NV-00008');
      expect(preview.onLegalHold).toBeGreaterThanOrEqual(1);
      expect(preview.held!.map((c) => c.ref)).toContain('NV-00008');
      expect(preview.held!.map((c) => c.ref)).not.toContain('NV-00007');
      const admin = await expectJson<Preview>(await stack.api(nv('admin'), '/v1/retention/preview'));
      expect(admin.dueNow.cases).toBe(preview.dueNow.cases);
      expect(admin).not.toHaveProperty('cases');
      expect(admin).not.toHaveProperty('held');
      await expectProblem(await stack.api(nv('manager'), '/v1/retention/preview'), 403);
    } finally {
      clock.set(undefined);
    }
  });

  it('deletes a case past its years with its audits, keeps one on legal hold, and a second run deletes nothing', async () => {
    const notYet = await removeExpiredItems(stack.jobDependencies);
    expect(notYet.casesDeleted).toBe(0);
    clock.set(new Date(Date.now() + THIRTY_YEARS));
    try {
      const first = await removeExpiredItems(stack.jobDependencies);
      expect(first.casesDeleted).toBeGreaterThanOrEqual(1);
      await expectProblem(await stack.api(nv('qa'), '/v1/cases/NV-00007'), 404);
      await expectProblem(await stack.api(nv('qa'), `/v1/audits/${auditId}`), 404);
      expect((await expectJson<{ legalHold: boolean }>(await stack.api(nv('qa'), '/v1/cases/NV-00008'))).legalHold).toBe(true);
      await expectJson(await stack.api(nv('qa'), '/v1/cases/NV-00001'));
      const again = await removeExpiredItems(stack.jobDependencies);
      expect(again.casesDeleted).toBe(0);
      const log = await expectJson<{ items: { caseType: string; closedOn: string; counts: { audits: number } }[] }>(await stack.api(nv('admin'), '/v1/retention/log'));
      expect(log.items).toHaveLength((first.casesDeleted ?? 0) - (await southmoorDeleted()));
      expect(log.items.some((e) => e.counts.audits >= 1)).toBe(true);
      expect(JSON.stringify(log)).not.toMatch(/NV-0000|nv-/);
    } finally {
      clock.set(undefined);
    }
  });

  it('leaves no activity entry naming a deleted case, keeps one saying a case was deleted, and still names the case on hold', async () => {
    const entries = await allActivity();
    expect(JSON.stringify(entries)).not.toContain('NV-00007');
    expect(entries.some((e) => e.entityId === 'NV-00008' && e.entity === 'case')).toBe(true);
    const deletions = entries.filter((e) => e.entity === 'deleted-case' && e.action === 'deleted');
    expect(deletions.length).toBeGreaterThanOrEqual(1);
    expect(deletions[0]!.actor.name).toBe('Retention (automatic)');
    expect(deletions[0]!.subject).toBe('a closed case, as its retention period had passed');
    // The close of NV-00007 is still there, who did it and when, about a case with no reference.
    expect(entries.some((e) => e.entity === 'deleted-case' && e.action === 'updated' && e.subject === 'a case since deleted by retention')).toBe(true);
  });
});

interface Entry {
  entity: string;
  entityId: string;
  action: string;
  subject: string | null;
  actor: { name: string | null };
}

async function allActivity(): Promise<Entry[]> {
  const entries: Entry[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Entry[]; nextCursor: string | null } = await expectJson(await stack.api(nv('qa'), `/v1/activity?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`));
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}

async function southmoorDeleted(): Promise<number> {
  const log = await expectJson<{ items: unknown[] }>(await stack.api('admin@southmoor.example', '/v1/retention/log'));
  return log.items.length;
}
