import { describe, expect, it } from 'vitest';
import { isCurrent, staffNavigation } from './staff-navigation.ts';

const labels = (role: Parameters<typeof staffNavigation>[0], devOutbox = false) =>
  staffNavigation(role, { devOutbox }).map((i) => i.label);

describe('staff navigation', () => {
  it('offers a practitioner cases and audits but not the activity log', () => {
    expect(labels('practitioner')).toEqual(['Home', 'Cases', 'Audits', 'Settings']);
  });

  it('offers a tenant admin the activity log but no case data', () => {
    expect(labels('admin')).toEqual(['Home', 'Activity log', 'Settings']);
  });

  it('offers QA officers cases, audits and the activity log', () => {
    expect(labels('qa')).toEqual(['Home', 'Cases', 'Audits', 'Activity log', 'Settings']);
  });

  it('offers a student audits they took part in, and the admin no audits', () => {
    expect(labels('student')).toContain('Audits');
    expect(labels('admin')).not.toContain('Audits');
  });

  it('offers the operator only the operator page', () => {
    expect(labels('operator')).toEqual(['Operator']);
  });

  it('adds the outbox only when it is switched on', () => {
    expect(labels('manager', true)).toContain('Outbox');
    expect(labels('manager', false)).not.toContain('Outbox');
  });

  it('marks Cases current on a case page but Home only on the home page', () => {
    expect(isCurrent({ href: '/cases', label: 'Cases' }, '/cases/NV-00001')).toBe(true);
    expect(isCurrent({ href: '/', label: 'Home' }, '/cases')).toBe(false);
  });
});
