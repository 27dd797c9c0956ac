import { describe, expect, it } from 'vitest';
import { isCurrent, qualityAssuranceAreas, staffNavigation } from './staff-navigation.ts';

const areas = (role: Parameters<typeof qualityAssuranceAreas>[0]) => qualityAssuranceAreas(role).map((a) => a.label);
const labels = (role: Parameters<typeof staffNavigation>[0], devOutbox = false) => staffNavigation(role, { devOutbox }).map((i) => i.label);

describe('staff navigation', () => {
  it('offers a practitioner cases, audits and engagement but not alerts or the activity log', () => {
    expect(labels('practitioner')).toEqual(['Cases', 'Audits', 'Actions', 'Learning', 'Quality assurance', 'Engagement']);
  });

  it('offers a tenant admin the template editor, users, teams and the activity log but no case data', () => {
    expect(labels('admin')).toEqual(['Templates', 'Users', 'Teams', 'Imports', 'Activity log']);
  });

  it('offers QA officers cases, audits, the programme, moderation, templates and the activity log', () => {
    expect(labels('qa')).toEqual(['Cases', 'Audits', 'Actions', 'Dashboard', 'Quality assurance', 'Templates', 'Engagement', 'Alerts', 'Activity log']);
  });

  it('offers a team manager their team’s page and their month of the programme, but not moderation or templates', () => {
    expect(labels('manager')).toEqual(['Cases', 'Audits', 'Actions', 'Learning', 'Team', 'Quality assurance', 'Engagement', 'Alerts']);
  });

  it('offers a senior manager the programme across teams and the agreement report, not the template editor', () => {
    expect(labels('senior')).toEqual(['Cases', 'Audits', 'Actions', 'Dashboard', 'Quality assurance', 'Engagement', 'Alerts', 'Activity log']);
  });

  it('offers a student audits they took part in, and the admin no audits', () => {
    expect(labels('student')).toContain('Audits');
    expect(labels('admin')).not.toContain('Audits');
  });

  it('offers the service dashboard to QA officers and senior managers only, and actions to whoever reads audits', () => {
    expect(labels('qa')).toContain('Dashboard');
    expect(labels('manager')).not.toContain('Dashboard');
    expect(labels('practitioner')).not.toContain('Dashboard');
    expect(labels('admin')).not.toContain('Actions');
  });

  it('offers work shadowing to those who shadow, are shadowed or learn from it, not to students or admins', () => {
    for (const role of ['practitioner', 'manager', 'senior', 'qa'] as const) expect(areas(role)).toContain('Work shadowing');
    for (const role of ['student', 'admin'] as const) expect(areas(role)).not.toContain('Work shadowing');
  });

  it('offers imports under quality assurance to QA officers and senior managers, and beside users to the admin', () => {
    for (const role of ['qa', 'senior'] as const) expect(areas(role)).toContain('Imports');
    for (const role of ['practitioner', 'manager', 'student', 'admin'] as const) expect(areas(role)).not.toContain('Imports');
    expect(labels('admin')).toContain('Imports');
  });

  it('offers the operator only the operator area', () => {
    expect(labels('operator')).toEqual(['Authorities', 'Activity log']);
  });

  it('adds the outbox only when it is switched on, and only for the tenant admin', () => {
    expect(labels('admin', true)).toContain('Outbox');
    expect(labels('admin', false)).not.toContain('Outbox');
    for (const role of ['student', 'practitioner', 'manager', 'qa', 'senior'] as const) expect(labels(role, true)).not.toContain('Outbox');
  });

  it('offers practitioners and students neither the programme, moderation nor templates', () => {
    for (const role of ['practitioner', 'student'] as const) {
      expect(areas(role)).not.toContain('Monthly programme');
      expect(areas(role)).not.toContain('Moderation');
      expect(labels(role)).not.toContain('Templates');
    }
  });

  it('gathers the programme and moderation under quality assurance, current on each of their pages', () => {
    expect(areas('qa')).toEqual(['Monthly programme', 'Moderation', 'Thematic reviews', 'Records compliance', 'Imports', 'Work shadowing', 'Records and retention']);
    expect(areas('senior')).toContain('Records compliance');
    for (const role of ['student', 'practitioner', 'manager', 'admin'] as const) expect(areas(role)).not.toContain('Records compliance');
    expect(areas('manager')).toEqual(['Monthly programme', 'Thematic reviews', 'Work shadowing']);
    const items = staffNavigation('qa', { devOutbox: false });
    const current = (pathname: string) => items.filter((item) => isCurrent(item, pathname, items)).map((item) => item.label);
    for (const pathname of ['/quality', '/programme/2026-12', '/moderation/agreement', '/compliance/report', '/reviews/r1/report', '/imports/01J0000000000000000000000A']) expect(current(pathname), pathname).toEqual(['Quality assurance']);
    expect(current('/cases')).toEqual(['Cases']);
  });

  it('offers thematic reviews to every member of staff who works with cases, whom a review may invite or inform', () => {
    for (const role of ['student', 'practitioner', 'manager', 'qa', 'senior'] as const) expect(areas(role)).toContain('Thematic reviews');
    expect(areas('admin')).not.toContain('Thematic reviews');
  });

  it('offers engagement to those who run it or give out codes, and alerts to those who act on safeguarding', () => {
    for (const role of ['admin', 'student'] as const) {
      expect(labels(role)).not.toContain('Engagement');
      expect(labels(role)).not.toContain('Alerts');
    }
    expect(labels('practitioner')).toContain('Engagement');
    expect(labels('practitioner')).not.toContain('Alerts');
  });

  it('marks Cases current on a case page but Home only on the home page', () => {
    expect(isCurrent({ href: '/cases', label: 'Cases' }, '/cases/NV-00001')).toBe(true);
    expect(isCurrent({ href: '/', label: 'Home' }, '/cases')).toBe(false);
  });

  it('marks the nearest item current when one lies beneath another', () => {
    const items = staffNavigation('operator', { devOutbox: false });
    const current = (pathname: string) => items.filter((item) => isCurrent(item, pathname, items)).map((item) => item.label);
    expect(current('/operator')).toEqual(['Authorities']);
    expect(current('/operator/new')).toEqual(['Authorities']);
    expect(current('/operator/activity')).toEqual(['Activity log']);
  });
});
