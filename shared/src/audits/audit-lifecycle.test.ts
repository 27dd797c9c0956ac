import { describe, expect, it } from 'vitest';
import { AUDIT_STATES } from './audit-schemas.ts';
import { AUDIT_EVENTS, nextAuditState, stateAfterSave } from './audit-lifecycle.ts';

describe('the audit lifecycle', () => {
  it('allows exactly these moves', () => {
    const allowed = AUDIT_STATES.flatMap((from) => AUDIT_EVENTS.flatMap((event) => (nextAuditState(from, event) ? [`${from} --${event}--> ${nextAuditState(from, event)}`] : [])));
    expect(allowed).toEqual(['planned --save--> planned', 'planned --cancel--> cancelled', 'in-progress --save--> in-progress', 'in-progress --complete--> completed', 'in-progress --cancel--> cancelled', 'completed --reopen--> in-progress']);
  });

  it('starts a planned audit when answers are first saved, not when only its details change', () => {
    expect(stateAfterSave('planned', true)).toBe('in-progress');
    expect(stateAfterSave('planned', false)).toBe('planned');
    expect(stateAfterSave('completed', true)).toBeUndefined();
  });
});
