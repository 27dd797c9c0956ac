import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { isOverdue } from '@waypoint/shared/actions/action-lifecycle';
import { AUDIT_STATES } from '@waypoint/shared/audits/audit-schemas';
import { answersPatchSchema, missingAnswers } from '@waypoint/shared/templates/answer-schemas';
import { BUILT_IN_TEMPLATES, TAC_REFLECTIVE_SUMMARY_ID } from '@waypoint/shared/templates/built-in/built-in-templates';
import { demoAudits } from './demo-audits.ts';
import { DEMO_TENANTS, demoUsers } from './demo-data.ts';

const NOW = new Date('2026-11-26T10:00:00Z');
const northvale = DEMO_TENANTS[0]!;
const data = demoAudits(northvale, NOW);
const templateOf = (id: string) => BUILT_IN_TEMPLATES.find((t) => t.templateId === id)!;

describe('the demo audits', () => {
  it('cover six months up to the current one, in every state', () => {
    expect([...new Set(data.audits.map((a) => a.month))].sort()).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(new Set(data.audits.map((a) => a.state))).toEqual(new Set(AUDIT_STATES));
  });

  it('are the same every time for the same day, and have unique ids', () => {
    expect(demoAudits(northvale, NOW)).toEqual(data);
    expect(new Set(data.audits.map((a) => a.id)).size).toBe(data.audits.length);
  });

  it('hold answers the pinned template accepts; completed ones miss nothing required', () => {
    for (const audit of data.audits) {
      const template = templateOf(audit.templateId);
      expect(v.safeParse(answersPatchSchema(template), audit.answers).success, audit.id).toBe(true);
      if (audit.state === 'completed') expect(missingAnswers(template, audit.answers), audit.id).toEqual([]);
    }
  });

  it('include TAC summaries for Early Help cases, with partner agencies', () => {
    const tac = data.audits.filter((a) => a.templateId === TAC_REFLECTIVE_SUMMARY_ID);
    expect(tac.length).toBeGreaterThanOrEqual(4);
    expect(tac.every((a) => a.caseType === 'early-help' && a.partners.length > 0)).toBe(true);
  });

  it('include an Inadequate audit with a safeguarding concern marked', () => {
    expect(data.audits.some((a) => a.overallGrade === 'inadequate' && a.safeguardingConcern && a.safeguardingSections.includes('help-and-protection'))).toBe(true);
  });

  it('give reflections only to the people who took part, and actions to staff of the case’s team', () => {
    const users = new Map(demoUsers(northvale).map((u) => [u.id, u]));
    const audits = new Map(data.audits.map((a) => [a.id, a]));
    expect(data.reflections.length).toBeGreaterThan(0);
    for (const r of data.reflections) expect([audits.get(r.auditId)!.caseHolderId, audits.get(r.auditId)!.studentId]).toContain(r.authorId);
    expect(data.actions.length).toBeGreaterThan(0);
    for (const action of data.actions) expect(users.get(action.ownerId)?.teamIds, action.id).toContain(action.teamId);
  });

  it('carry actions in every state, some overdue, none verified by its owner, and done never before raised nor after today', () => {
    expect(new Set(data.actions.map((a) => a.state))).toEqual(new Set(['open', 'in-progress', 'done', 'verified', 'cancelled']));
    expect(data.actions.some((a) => isOverdue(a, '2026-11-26'))).toBe(true);
    expect(data.actions.some((a) => a.state === 'open' && a.reopenings?.length)).toBe(true);
    for (const action of data.actions) {
      if (action.state === 'verified') expect(action.verifiedById, action.id).not.toBe(action.ownerId);
      if (action.doneOn) {
        expect(action.doneOn >= action.createdAt.slice(0, 10), action.id).toBe(true);
        expect(action.doneOn <= '2026-11-26', action.id).toBe(true);
      }
    }
  });

  it('never dates anything after the moment it is seeded, even early on the first of the month', () => {
    const early = new Date('2026-11-01T06:00:00Z');
    const seeded = demoAudits(northvale, early);
    const stamps = [
      ...seeded.audits.flatMap((a) => [a.createdAt, a.updatedAt, a.completedAt, a.cancelledAt]),
      ...seeded.reflections.map((r) => r.createdAt),
      ...seeded.actions.flatMap((a) => [a.createdAt, a.updatedAt, a.completedAt, a.verifiedAt, a.cancelledAt, a.startedAt]),
    ];
    for (const stamp of stamps.filter((s): s is string => s !== undefined)) expect(stamp <= early.toISOString(), stamp).toBe(true);
    for (const audit of seeded.audits) if (audit.conversationDate) expect(audit.conversationDate <= '2026-11-01').toBe(true);
  });
});
