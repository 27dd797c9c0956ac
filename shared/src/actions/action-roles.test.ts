import { describe, expect, it } from 'vitest';
import { moveRefusal, movesFor, type ActionActor, type ActionParties } from './action-roles.ts';

const parties = (state: ActionParties['action']['state'] = 'done'): ActionParties => ({
  action: { ownerId: 'owner', teamId: 'cin', raisedById: 'auditor', state },
  ownerTeamIds: ['cin'],
  auditorId: 'auditor',
});
const actor = (userId: string, role: ActionActor['role'], teamIds: string[] = []): ActionActor => ({ userId, role, teamIds });

describe('who may move an action', () => {
  it('never lets the owner verify their own action, even when they are a manager of its team', () => {
    expect(moveRefusal(actor('owner', 'manager', ['cin']), 'verify', parties())).toMatch(/your manager or the auditor verifies it/);
    expect(moveRefusal(actor('owner', 'practitioner', ['cin']), 'verify', parties())).not.toBeNull();
  });

  it('lets the owner’s manager and the auditor verify, and no one else', () => {
    expect(moveRefusal(actor('m1', 'manager', ['cin']), 'verify', parties())).toBeNull();
    expect(moveRefusal(actor('auditor', 'qa'), 'verify', parties())).toBeNull();
    expect(moveRefusal(actor('m2', 'manager', ['early-help']), 'verify', parties())).not.toBeNull();
    expect(moveRefusal(actor('q2', 'qa'), 'verify', parties())).not.toBeNull();
    expect(moveRefusal(actor('s1', 'senior'), 'verify', parties())).not.toBeNull();
  });

  it('lets the owner start and complete, and those overseeing it cancel; a colleague can do neither', () => {
    expect(moveRefusal(actor('owner', 'practitioner'), 'complete', parties('open'))).toBeNull();
    expect(moveRefusal(actor('owner', 'practitioner'), 'cancel', parties('open'))).not.toBeNull();
    expect(moveRefusal(actor('s1', 'senior'), 'cancel', parties('open'))).toBeNull();
    expect(moveRefusal(actor('colleague', 'practitioner', ['cin']), 'start', parties('open'))).not.toBeNull();
  });

  it('offers only the moves the lifecycle allows and the actor may make', () => {
    expect(movesFor(actor('owner', 'practitioner'), parties('open'))).toEqual(['start', 'complete']);
    expect(movesFor(actor('m1', 'manager', ['cin']), parties('done'))).toEqual(['verify', 'reopen']);
    expect(movesFor(actor('q2', 'qa'), parties('verified'))).toEqual(['reopen']);
    expect(movesFor(actor('owner', 'practitioner'), parties('cancelled'))).toEqual([]);
  });
});
