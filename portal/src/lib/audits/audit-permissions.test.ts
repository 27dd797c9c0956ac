import { describe, expect, it } from 'vitest';
import { auditPermissions, canReadAudits, needsCurrentCaseTeam } from './audit-permissions.ts';

const audit = { state: 'in-progress' as const, caseHolderId: 'nv-practitioner', studentId: 'nv-student' };

describe('what a person may do with an audit', () => {
  it('lets a team manager run an audit in progress but not reopen it', () => {
    expect(auditPermissions({ role: 'manager', userId: 'nv-manager' }, audit)).toEqual({ edit: true, cancel: true, reopen: false, raiseActions: true, reflectAs: undefined, arrangeMeeting: false });
  });

  it('lets only QA reopen a completed audit, which nobody edits', () => {
    const completed = { ...audit, state: 'completed' as const };
    expect(auditPermissions({ role: 'qa', userId: 'nv-qa' }, completed)).toMatchObject({ edit: false, reopen: true, cancel: false });
    expect(auditPermissions({ role: 'senior', userId: 'nv-senior' }, completed).reopen).toBe(false);
  });

  it('offers the case holder and the student a reflection, as who they are', () => {
    expect(auditPermissions({ role: 'practitioner', userId: 'nv-practitioner' }, audit)).toMatchObject({ edit: false, reflectAs: 'case-holder' });
    expect(auditPermissions({ role: 'student', userId: 'nv-student' }, audit).reflectAs).toBe('student');
  });

  it('lets a practitioner run the thematic review audit they were given, and no one else’s', () => {
    const review = { ...audit, auditorId: 'nv-sw-01', reviewId: 'r1' };
    expect(auditPermissions({ role: 'practitioner', userId: 'nv-sw-01' }, review)).toMatchObject({ edit: true, cancel: true, raiseActions: false });
    expect(auditPermissions({ role: 'practitioner', userId: 'nv-practitioner' }, review)).toMatchObject({ edit: false, cancel: false });
  });

  it('offers nothing on a cancelled audit', () => {
    const cancelled = { ...audit, state: 'cancelled' as const };
    expect(auditPermissions({ role: 'manager', userId: 'nv-manager' }, cancelled)).toEqual({ edit: false, cancel: false, reopen: false, raiseActions: false, reflectAs: undefined, arrangeMeeting: false });
  });

  it('offers booking the meeting to the auditor, QA and the team’s managers while the audit is open', () => {
    const open = { ...audit, auditorId: 'nv-qa', teamId: 'child-in-need' };
    expect(auditPermissions({ role: 'manager', userId: 'nv-manager', teamIds: ['child-in-need'] }, open).arrangeMeeting).toBe(true);
    expect(auditPermissions({ role: 'manager', userId: 'nv-manager', teamIds: ['early-help'] }, open).arrangeMeeting).toBe(false);
    expect(auditPermissions({ role: 'qa', userId: 'nv-qa' }, open).arrangeMeeting).toBe(true);
    expect(auditPermissions({ role: 'senior', userId: 'nv-senior' }, open).arrangeMeeting).toBe(false);
    expect(auditPermissions({ role: 'practitioner', userId: 'nv-practitioner', teamIds: ['child-in-need'] }, open).arrangeMeeting).toBe(false);
    expect(auditPermissions({ role: 'qa', userId: 'nv-qa' }, { ...open, state: 'completed' }).arrangeMeeting).toBe(false);
  });

  it('offers it to a manager of the team the case is in now, read only when that could decide', () => {
    const elsewhere = { ...audit, auditorId: 'nv-qa', teamId: 'assessment' };
    const manager = { role: 'manager' as const, userId: 'nv-manager', teamIds: ['child-in-need'] };
    expect(needsCurrentCaseTeam(manager, elsewhere)).toBe(true);
    expect(auditPermissions(manager, elsewhere).arrangeMeeting).toBe(false);
    expect(auditPermissions(manager, elsewhere, 'child-in-need').arrangeMeeting).toBe(true);
    expect(auditPermissions(manager, elsewhere, 'early-help').arrangeMeeting).toBe(false);
    // Already decided without the case: their own team's audit, one they ran, QA, a closed audit, other roles.
    expect(needsCurrentCaseTeam(manager, { ...elsewhere, teamId: 'child-in-need' })).toBe(false);
    expect(needsCurrentCaseTeam(manager, { ...elsewhere, auditorId: 'nv-manager' })).toBe(false);
    expect(needsCurrentCaseTeam({ role: 'qa', userId: 'nv-qa' }, elsewhere)).toBe(false);
    expect(needsCurrentCaseTeam(manager, { ...elsewhere, state: 'completed' })).toBe(false);
    expect(needsCurrentCaseTeam({ role: 'senior', userId: 'nv-senior' }, elsewhere)).toBe(false);
    expect(needsCurrentCaseTeam({ role: 'practitioner', userId: 'nv-practitioner', teamIds: ['child-in-need'] }, elsewhere)).toBe(false);
  });

  it('shows no audits to tenant admins or the operator', () => {
    expect(canReadAudits('admin')).toBe(false);
    expect(canReadAudits('operator')).toBe(false);
    expect(canReadAudits('student')).toBe(true);
  });
});
