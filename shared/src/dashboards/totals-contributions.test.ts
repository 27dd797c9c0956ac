import { describe, expect, it } from 'vitest';
import type { Action } from '../actions/action-schemas.ts';
import type { Audit } from '../audits/audit-schemas.ts';
import type { Moderation } from '../moderation/moderation-schemas.ts';
import { counter } from './totals-counters.ts';
import { actionContribution, auditContribution, feedbackContribution, moderationContribution, type Contribution } from './totals-contributions.ts';

const audit = (overrides: Partial<Audit> = {}) =>
  ({ month: '2026-10', teamId: 'cin', caseType: 'child-in-need', state: 'completed', completedAt: '2026-10-31T22:30:00.000Z', overallGrade: 'good', sectionGrades: { assessment: 'requires-improvement' }, ...overrides }) as Audit;

describe('what an audit adds to its month', () => {
  it('counts a completed audit as due, completed and on time by the month’s last London day, with its grades and groups', () => {
    // 22:30 UTC on 31 October is still 31 October in London (GMT).
    const [{ bucket, counters }] = auditContribution(audit(), { ageBand: '5-9', gender: 'female' }) as [Contribution];
    expect(bucket).toEqual({ month: '2026-10', teamId: 'cin', caseType: 'child-in-need' });
    expect(counters).toMatchObject({ 'a.due': 1, 'a.done': 1, 'a.ontime': 1, 'g.g': 1, 's.assessment.r': 1, 'f.ageBand.5-9.due': 1, 'f.gender.female.g': 1, 'f.ethnicity.not-recorded.ontime': 1 });
  });

  it('counts one completed after its month as done but not on time', () => {
    const [{ counters }] = auditContribution(audit({ completedAt: '2026-11-01T00:30:00.000Z' }), undefined) as [Contribution];
    expect(counters['a.done']).toBe(1);
    expect(counters['a.ontime']).toBeUndefined();
  });

  it('counts a planned audit as due only, and a cancelled one not at all', () => {
    expect(auditContribution(audit({ state: 'planned', completedAt: undefined }), undefined)[0]!.counters).toEqual({
      'a.due': 1,
      'f.ageBand.not-recorded.due': 1,
      'f.gender.not-recorded.due': 1,
      'f.ethnicity.not-recorded.due': 1,
      'f.disability.not-recorded.due': 1,
    });
    expect(auditContribution(audit({ state: 'cancelled' }), undefined)).toEqual([]);
  });
});

describe('what a moderation adds', () => {
  it('fills the agreement tables with every re-graded grade and the overall grade alone', () => {
    const moderation = {
      month: '2026-10',
      teamId: 'cin',
      sections: { assessment: { grade: 'good' }, planning: { grade: 'inadequate' } },
      overallGrade: 'requires-improvement',
      auditorSectionGrades: { assessment: 'good', planning: 'requires-improvement' },
      auditorOverallGrade: 'good',
    } as unknown as Moderation;
    expect(moderationContribution(moderation, 'child-in-need')[0]!.counters).toEqual({ 'm.n': 1, 'm.s.gg': 1, 'm.s.ri': 1, 'm.s.gr': 1, 'm.o.gr': 1 });
  });
});

describe('what an action adds to the month it was raised', () => {
  const action = (overrides: Partial<Action> = {}) =>
    ({ createdAt: '2026-09-30T23:30:00.000Z', teamId: 'cin', state: 'verified', dueDate: '2026-10-14', doneOn: '2026-10-20', source: { type: 'audit', auditId: 'a1', sectionId: 'assessment' }, ...overrides }) as Action;

  it('counts it raised in its London month, with what has become of it since and its days to done', () => {
    // Raised 00:30 on 1 October in London (BST), done 19 days later, after its due date.
    const added = actionContribution(action({ impact: { reauditId: 're-a1', difference: 'partly', byId: 'u', at: '2026-12-01T10:00:00Z' } }), 'child-in-need');
    expect(added).toEqual([{ bucket: { month: '2026-10', teamId: 'cin', caseType: 'child-in-need' }, counters: { 'x.raised': 1, 'x.s.assessment': 1, 'x.done': 1, 'x.d.19': 1, 'x.verified': 1, 'x.i.partly': 1 } }]);
  });

  it('counts an open action as raised, and also on its due day in the month it falls due, in all and under its owner', () => {
    // The owner's id hex-encoded: `u.1` is 75 2e 31.
    expect(actionContribution(action({ state: 'in-progress', doneOn: undefined, dueDate: '2026-11-07', ownerId: 'u.1' }), 'child-in-need')).toEqual([
      { bucket: { month: '2026-10', teamId: 'cin', caseType: 'child-in-need' }, counters: { 'x.raised': 1, 'x.s.assessment': 1 } },
      { bucket: { month: '2026-11', teamId: 'cin', caseType: 'child-in-need' }, counters: { 'o.07': 1, 'w.752e31.07': 1 } },
    ]);
    const cancelled = actionContribution(action({ state: 'cancelled', doneOn: undefined }), 'child-in-need');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.counters['x.cancelled']).toBe(1);
  });
});

describe('what a tagged feedback response adds to the month it was sent', () => {
  const sent = { state: 'submitted' as const, submittedAt: '2026-10-31T23:30:00.000Z', themes: ['Being listened to', 'Waiting', 'Waiting'] };

  it('counts it once as tagged and once under each theme, in its London month, at its activity’s or case’s team and case type', () => {
    // 23:30 UTC on 31 October is 31 October in London (GMT), so October.
    expect(feedbackContribution(sent, { teamId: 'cin', caseType: 'child-in-need' })).toEqual([
      { bucket: { month: '2026-10', teamId: 'cin', caseType: 'child-in-need' }, counters: { 'e.n': 1, [counter.feedbackTheme('Being listened to')]: 1, [counter.feedbackTheme('Waiting')]: 1 } },
    ]);
    expect(feedbackContribution({ ...sent, submittedAt: '2026-06-30T23:30:00.000Z' }, {})[0]!.bucket).toEqual({ month: '2026-07' });
  });

  it('adds nothing when untagged or not sent', () => {
    expect(feedbackContribution({ ...sent, themes: [] }, {})).toEqual([]);
    expect(feedbackContribution({ state: 'submitted', submittedAt: sent.submittedAt }, {})).toEqual([]);
    expect(feedbackContribution({ ...sent, state: 'draft' }, {})).toEqual([]);
  });
});
