/**
 * Moves the demo actions on by how long ago their audit was: the oldest verified (or done
 * and waiting for the owner's manager), then done, in progress past their due date,
 * cancelled, and the newest open, one reopened with a reason. So "my actions", the team's
 * overdue list, the case page and the service view all show something real at once.
 */
import { sourceAuditId, type Action } from '@waypoint/shared/actions/action-schemas';
import { londonDate } from '@waypoint/shared/audits/audit-dates';
import type { Audit } from '@waypoint/shared/audits/audit-schemas';
import { londonMonth } from '@waypoint/shared/time/clock';

const dayAfter = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const monthsBetween = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));

type Plan = 'verified' | 'done' | 'in-progress' | 'cancelled' | 'reopened' | 'open';

/** By months since the audit, for its first action and its second. */
function planFor(age: number, second: boolean): Plan {
  if (age >= 5) return second ? 'done' : 'verified';
  if (age === 4) return second ? 'verified' : 'done';
  if (age === 3) return second ? 'cancelled' : 'in-progress';
  if (age === 2) return second ? 'reopened' : 'open';
  return 'open';
}

export function progressDemoActions(actions: readonly Action[], audits: readonly Audit[], now: Date): Action[] {
  const today = londonDate(now);
  const thisMonth = londonMonth(now);
  const byId = new Map(audits.map((a) => [a.id, a]));
  // Noon on the day, but never later than now: nothing in the demo happens in the future.
  const at = (date: string) => (`${date}T12:00:00.000Z` < now.toISOString() ? `${date}T12:00:00.000Z` : now.toISOString());
  const day = (raisedOn: string, days: number) => (dayAfter(raisedOn, days) < today ? dayAfter(raisedOn, days) : today);
  return actions.map((action) => {
    const audit = byId.get(sourceAuditId(action)!)!;
    const raisedOn = londonDate(new Date(action.createdAt));
    let plan = planFor(monthsBetween(audit.month, thisMonth), action.id.endsWith('-a2'));
    // Nobody verifies their own action: with no one else to verify it, it waits as done.
    if (plan === 'verified' && audit.auditorId === action.ownerId) plan = 'done';
    const doneOn = day(raisedOn, action.id.endsWith('-a2') ? 12 : 9);
    const done = { evidence: 'The plan was updated with owners and dates and shared with the family at the review; see the case record.', doneOn, completedAt: at(doneOn), completedById: action.ownerId };
    switch (plan) {
      case 'open':
        return action;
      case 'in-progress':
        return { ...action, state: 'in-progress', startedAt: at(day(raisedOn, 2)), startedById: action.ownerId, version: 2, updatedAt: at(day(raisedOn, 2)) };
      case 'done':
        return { ...action, ...done, state: 'done', version: 2, updatedAt: done.completedAt };
      case 'verified': {
        const verifiedAt = at(day(doneOn, 3));
        return { ...action, ...done, state: 'verified', verifiedAt, verifiedById: audit.auditorId, verificationNote: 'Checked in the record: the plan is SMART and the family has a copy.', version: 3, updatedAt: verifiedAt };
      }
      case 'cancelled': {
        const cancelledAt = at(day(raisedOn, 5));
        return { ...action, state: 'cancelled', cancelledAt, cancelledById: audit.auditorId, cancelReason: 'The case is transferring to another authority; the receiving team has the finding.', version: 2, updatedAt: cancelledAt };
      }
      case 'reopened': {
        const reopenedAt = at(day(raisedOn, 10));
        const reopening = { at: reopenedAt, byId: audit.auditorId, reason: 'The supervision record does not yet show what was agreed for the child.', evidence: 'Discussed in supervision.', doneOn: day(raisedOn, 6) };
        return { ...action, state: 'open', reopenings: [reopening], version: 3, updatedAt: reopenedAt };
      }
    }
  });
}
