import { describe, expect, it } from 'vitest';
import { activitySentence, actorName, type ActivityFacts } from './activity-wording.ts';

const entry = (facts: Partial<ActivityFacts>): ActivityFacts => ({ entity: 'audit', entityId: 'nv-audit-202612-01', action: 'updated', changes: [], subject: 'the audit of case NV-00003, December 2026', ...facts });
const words = (facts: Partial<ActivityFacts>, seesCases = true) => {
  const s = activitySentence(entry(facts), { seesCases });
  return `${s.verb} ${s.subject}${s.detail ?? ''}`;
};

describe('the activity log in words', () => {
  it('says an audit was completed, not which fields changed', () => {
    expect(words({ changes: ['completedAt', 'completedById', 'state'] })).toBe('Completed the audit of case NV-00003, December 2026');
    expect(words({ action: 'created', changes: ['caseRef', 'templateId'] })).toBe('Planned the audit of case NV-00003, December 2026');
    expect(words({ changes: ['completedAt', 'completedById', 'reopenings', 'state'] })).toBe('Reopened the audit of case NV-00003, December 2026');
  });

  it('says an action’s due date changed, and that one was done', () => {
    expect(words({ entity: 'action', subject: 'the action for case NV-00002', changes: ['dueDate'] })).toBe('Changed the due date of the action for case NV-00002');
    expect(words({ entity: 'action', subject: 'the action for case NV-00002', changes: ['completedAt', 'completedById', 'doneOn', 'evidence', 'state'] })).toBe('Recorded that the action for case NV-00002 was done');
  });

  it('says a records compliance check was recorded or changed, and a month’s cases drawn', () => {
    const subject = 'the records compliance check of case NV-00011, December 2026';
    expect(words({ entity: 'compliance-check', entityId: '2026-12.NV-00011', action: 'created', changes: ['answers'], subject })).toBe(`Recorded ${subject}`);
    expect(words({ entity: 'compliance-check', entityId: '2026-12.NV-00011', changes: ['answers', 'notes'], subject })).toBe(`Changed ${subject}`);
    expect(words({ entity: 'compliance-programme', entityId: '2026-12', action: 'created', changes: ['teams'], subject: 'the records compliance cases for December 2026' })).toBe('Drew the records compliance cases for December 2026');
  });

  it('names a case’s changed details in words', () => {
    expect(words({ entity: 'case', entityId: 'NV-00003', subject: 'case NV-00003', changes: ['holderId', 'teamId', 'ethnicity', 'gender'] })).toBe('Changed case NV-00003: case holder, team and demographics');
  });

  it('says whose records were exported for a subject access request, and why', () => {
    expect(words({ entity: 'subject-access-export', entityId: 'case.NV-00004', action: 'created', subject: 'the records about case NV-00004', reason: 'Request SAR-77' })).toBe(
      'Exported the records about case NV-00004 for a subject access request, because: Request SAR-77',
    );
  });

  it('says retention deleted a closed case, and that earlier changes were to a case since deleted, with no reference', () => {
    expect(words({ entity: 'deleted-case', entityId: '01JZ0000000000000000000000', action: 'deleted', subject: 'a closed case, as its retention period had passed' })).toBe('Deleted a closed case, as its retention period had passed');
    expect(words({ entity: 'deleted-case', entityId: 'r0123456789abcdef01234567', action: 'updated', subject: 'a case since deleted by retention' })).toBe('Recorded a change to a case since deleted by retention');
  });

  it('names settings by what they are called, not their field names', () => {
    expect(words({ entity: 'settings', entityId: 'settings', subject: 'the authority’s settings', changes: ['auditsPerManagerPerMonth'] })).toBe('Changed the authority’s settings: audits per manager per month');
  });

  it('links to the audit for staff who see cases, and not for the tenant admin or a thing that is gone', () => {
    expect(activitySentence(entry({}), { seesCases: true }).href).toBe('/audits/nv-audit-202612-01');
    expect(activitySentence(entry({}), { seesCases: false }).href).toBeUndefined();
    expect(activitySentence(entry({ subject: null }), { seesCases: true })).toEqual({ verb: 'Saved', subject: 'an audit' });
  });

  it('says who, by name, and that a safety alert came from an answer', () => {
    expect(actorName({ id: 'nv-qa', name: 'Sam Patel', public: false })).toBe('Sam Patel');
    expect(actorName({ id: 'have-your-say', name: null, public: true })).toBe('An answer in Have your say');
    expect(actorName({ id: 'gone', name: null, public: false })).toBe('Someone no longer on Waypoint');
  });
});
