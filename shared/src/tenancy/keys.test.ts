import { describe, expect, it } from 'vitest';
import { platformKeys, tenantKeys, UnsafeKeyPartError } from './keys.ts';

const A = '7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801';

describe('tenantKeys', () => {
  it('starts every table and index key with the tenant', () => {
    const k = tenantKeys(A);
    const keys = [
      k.profile().PK,
      k.user('u1').PK,
      k.case('NV-1').PK,
      k.activity('2026-01-01T00:00:00Z', 'case', 'NV-1', 2).PK,
      k.outboxPartition(),
      k.idempotencyPartition(),
      ...Object.values(k.caseIndexEntries({ ref: 'NV-1', teamId: 't', holderId: 'h', studentId: 's' })).filter((_, i) => i % 2 === 0),
    ];
    for (const key of keys) expect(key === `TENANT#${A}` || key.startsWith(`TENANT#${A}#`)).toBe(true);
  });

  it('rejects ids containing the separator', () => {
    const k = tenantKeys(A);
    expect(() => k.case('NV#1')).toThrow(UnsafeKeyPartError);
    expect(() => k.user('a#b')).toThrow(UnsafeKeyPartError);
    expect(() => k.team('')).toThrow(UnsafeKeyPartError);
  });

  it('rejects a tenant id that is not a UUID', () => {
    expect(() => tenantKeys('northvale')).toThrow(UnsafeKeyPartError);
    expect(() => tenantKeys(`${A}#CASE#X`)).toThrow(UnsafeKeyPartError);
  });

  it('orders activity entries by time and pads versions so they sort', () => {
    const k = tenantKeys(A);
    expect(k.activity('2026-01-01T00:00:00.000Z', 'case', 'NV-1', 9).SK < k.activity('2026-01-01T00:00:00.000Z', 'case', 'NV-1', 10).SK).toBe(true);
  });
});

describe('audit, template and action keys', () => {
  const k = tenantKeys(A);
  const audit = { id: '01JDAUDIT', month: '2026-11', teamId: 'cin', caseRef: 'NV-1' };
  const action = { id: '01JDACTION', ownerId: 'u1', teamId: 'cin', caseRef: 'NV-1', dueDate: '2026-12-01', source: { type: 'audit', auditId: '01JDAUDIT' } };

  it('start with the tenant on the table and on every index', () => {
    const partitionKeys = [
      k.template('journey').PK,
      k.templateVersion('journey', 1).PK,
      k.audit('a1').PK,
      k.reflection('a1', 'r1').PK,
      k.auditParticipant('a1', 'u1').PK,
      k.action('x1').PK,
      ...Object.entries({ ...k.auditIndexEntries(audit), ...k.auditParticipantIndexEntries({ auditId: 'a1', userId: 'u1', month: '2026-11' }), ...k.actionIndexEntries(action) })
        .filter(([name]) => name.endsWith('PK'))
        .map(([, value]) => value),
    ];
    for (const key of partitionKeys) expect(key.startsWith(`TENANT#${A}#`) || key === `TENANT#${A}`, key).toBe(true);
  });

  it('keep an audit, its reflections and its participants in one partition', () => {
    expect(new Set([k.audit('a1').PK, k.reflection('a1', 'r1').PK, k.auditParticipant('a1', 'u1').PK]).size).toBe(1);
  });

  it('sort template versions as numbers and refuse impossible ones', () => {
    expect(k.templateVersion('t', 9).SK < k.templateVersion('t', 10).SK).toBe(true);
    expect(() => k.templateVersion('t', 0)).toThrow(UnsafeKeyPartError);
  });

  it('put an audit’s month and team in its index keys so lists can be read by prefix', () => {
    const entries = k.auditIndexEntries(audit);
    expect(entries.GSI1SK.startsWith(k.auditsByMonth('2026-11', 'cin').GSI1SK)).toBe(true);
    expect(entries.GSI2SK.startsWith(k.auditsByTeam('cin', '2026-11').GSI2SK)).toBe(true);
    expect(entries.GSI3PK).toBe(k.auditsByCase('NV-1').GSI3PK);
  });

  it('order open actions by due date and move closed ones out of the open range', () => {
    const open = k.actionIndexEntries(action);
    const closed = k.actionIndexEntries({ ...action, closedOn: '2026-11-30' });
    expect(open.GSI1SK).toBe('OPEN#2026-12-01#01JDACTION');
    expect(closed.GSI2SK.startsWith('CLOSED#')).toBe(true);
    expect(open.GSI3SK!.startsWith(k.actionsByAudit('NV-1', '01JDAUDIT').GSI3SK)).toBe(true);
  });

  it('give an action with no case (one from feedback) no entry by case, but still one by owner and team', () => {
    const entries = k.actionIndexEntries({ id: '01JDACTION', ownerId: 'u1', teamId: 'cin', dueDate: '2026-12-01', source: { type: 'feedback' } });
    expect(Object.keys(entries).sort()).toEqual(['GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK']);
    expect(k.actionIndexEntries(action).GSI3PK).toBe(`TENANT#${A}#CASE#NV-1#ACTIONS`);
  });

  it('reject separators smuggled into audit and action ids', () => {
    expect(() => k.audit('a#b')).toThrow(UnsafeKeyPartError);
    expect(() => k.auditsByMonth('2026-11#TEAM')).toThrow(UnsafeKeyPartError);
    expect(() => k.actionIndexEntries({ ...action, ownerId: 'x#y' })).toThrow(UnsafeKeyPartError);
  });
});

describe('platformKeys', () => {
  it('keeps platform items out of every tenant partition', () => {
    expect(platformKeys.tenant(A).PK.startsWith('PLATFORM#')).toBe(true);
    expect(platformKeys.slug('northvale').PK).toBe('PLATFORM#SLUG#northvale');
    expect(platformKeys.account('Manager@Northvale.example').PK).toBe('PLATFORM#ACCOUNT#manager@northvale.example');
  });
});

describe('journey, moderation and programme keys', () => {
  const k = tenantKeys(A);

  it('start with the tenant on the table and on every index', () => {
    const partitionKeys = [
      k.journey('NV-1').PK,
      k.auditJourney('a1').PK,
      k.moderation('a1').PK,
      k.moderationIndexEntries({ auditId: 'a1', month: '2026-11', teamId: 'cin' }).GSI1PK,
      k.moderationsByMonth('2026-11').GSI1PK,
      k.sample('2026-11', 'u1').PK,
      k.samplesOfMonth('2026-11').PK,
    ];
    for (const key of partitionKeys) expect(key.startsWith(`TENANT#${A}#`), key).toBe(true);
  });

  it('keep the journey with its case and the snapshot and moderation with their audit', () => {
    expect(k.journey('NV-1').PK).toBe(k.case('NV-1').PK);
    expect(k.auditJourney('a1').PK).toBe(k.auditPartition('a1'));
    expect(k.moderation('a1').PK).toBe(k.auditPartition('a1'));
  });

  it('let a month’s moderations be read whole or one team at a time', () => {
    const entry = k.moderationIndexEntries({ auditId: 'a1', month: '2026-11', teamId: 'cin' });
    expect(entry.GSI1SK.startsWith(k.moderationsByMonth('2026-11', 'cin').GSI1SK)).toBe(true);
    expect(entry.GSI1SK.startsWith(k.moderationsByMonth('2026-11', 'ci').GSI1SK)).toBe(false);
    expect(k.sample('2026-11', 'u1').SK.startsWith(k.samplesOfMonth('2026-11').SK)).toBe(true);
  });

  it('reject unsafe parts', () => {
    expect(() => k.journey('NV#1')).toThrow(UnsafeKeyPartError);
    expect(() => k.sample('2026-11', 'a#b')).toThrow(UnsafeKeyPartError);
    expect(() => k.moderationsByMonth('2026#11')).toThrow(UnsafeKeyPartError);
  });
});

describe('engagement and alert keys', () => {
  const k = tenantKeys(A);

  it('start with the tenant on the table and on every index', () => {
    const partitionKeys = [
      k.engagementActivity('act1').PK,
      k.invitationCode('act1', 'c1').PK,
      k.invitationLookup('NV47SAYS').PK,
      k.feedbackResponse('act1', 'r1').PK,
      k.engagementCounter('act1', 'TOTALS').PK,
      k.youSaidWeDidPartition(),
      k.youSaidWeDidEntry('2026-03-01', 'e1').PK,
      k.alert('r1').PK,
      k.engagementActivityIndexEntries({ id: 'act1', opensOn: '2026-03-01' }).GSI1PK,
      ...Object.entries(k.alertIndexEntries({ id: 'r1', raisedAt: '2026-03-01T10:00:00Z', open: true, teamId: 'cin' }))
        .filter(([name]) => name.endsWith('PK'))
        .map(([, value]) => value),
    ];
    for (const key of partitionKeys) expect(key.startsWith(`TENANT#${A}#`), key).toBe(true);
  });

  it('keep the theme list in the tenant’s root partition and refuse unsafe entry keys', () => {
    expect(k.engagementThemes().PK).toBe(`TENANT#${A}`);
    expect(() => k.youSaidWeDidEntry('2026-03-01', 'e#1')).toThrow(UnsafeKeyPartError);
  });

  it('keep an activity, its codes, responses and counters in one partition', () => {
    expect(new Set([k.engagementActivity('act1').PK, k.invitationCode('act1', 'c1').PK, k.feedbackResponse('act1', 'r1').PK, k.engagementCounter('act1', 'TOTALS').PK]).size).toBe(1);
  });

  it('look a code up under the tenant’s own root, so another tenant’s code is simply absent', () => {
    expect(k.invitationLookup('NV47SAYS').PK).not.toBe(tenantKeys('2b9e4d17-8a3f-4c6b-b1d0-736f75746802').invitationLookup('NV47SAYS').PK);
  });

  it('sort open alerts before closed ones, newest last within each, by tenant and by team', () => {
    const open = k.alertIndexEntries({ id: 'r1', raisedAt: '2026-03-01T10:00:00Z', open: true, teamId: 'cin' });
    expect(open.GSI1SK.startsWith(k.alertsByStatus(true).GSI1SK)).toBe(true);
    expect(open.GSI2SK!.startsWith(k.alertsByTeam('cin', true).GSI2SK)).toBe(true);
    expect(k.alertIndexEntries({ id: 'r1', raisedAt: '2026-03-01T10:00:00Z', open: false }).GSI1SK.startsWith('CLOSED#')).toBe(true);
    expect(k.alertIndexEntries({ id: 'r1', raisedAt: '2026-03-01T10:00:00Z', open: true })).not.toHaveProperty('GSI2PK');
  });

  it('reject separators smuggled into activity, code and alert ids', () => {
    expect(() => k.engagementActivity('a#b')).toThrow(UnsafeKeyPartError);
    expect(() => k.invitationLookup('NV47#SAYS')).toThrow(UnsafeKeyPartError);
    expect(() => k.alert('x#y')).toThrow(UnsafeKeyPartError);
  });
});

describe('totals and open-action keys', () => {
  const k = tenantKeys(A);

  it('start with the tenant, and keep each source’s totals marker beside the source', () => {
    for (const key of [k.totals({ month: '2026-11' }).PK, k.totalsRange({}, '2026-01', '2026-11').PK, k.openAction('2026-12-01', 'x1').PK, k.openActionsPartition()]) {
      expect(key.startsWith(`TENANT#${A}#`), key).toBe(true);
    }
    expect(k.totalsMarker({ kind: 'action', id: 'x1' }).PK).toBe(k.action('x1').PK);
    expect(k.totalsMarker({ kind: 'audit', id: 'a1' }).PK).toBe(k.auditPartition('a1'));
    expect(k.totalsMarker({ kind: 'moderation', id: 'a1' })).toEqual({ PK: k.auditPartition('a1'), SK: 'TOTALS#MODERATION' });
  });

  it('give each level its own range, so a team’s months never include its case-type items', () => {
    const team = k.totalsRange({ teamId: 'cin' }, '2025-12', '2026-11');
    const inside = (sk: string) => sk >= team.from && sk <= team.to;
    expect(inside(k.totals({ month: '2026-03', teamId: 'cin' }).SK)).toBe(true);
    expect(inside(k.totals({ month: '2026-03', teamId: 'cin', caseType: 'child-in-need' }).SK)).toBe(false);
    expect(inside(k.totals({ month: '2026-03', teamId: 'cinx' }).SK)).toBe(false);
    expect(inside(k.totals({ month: '2026-12', teamId: 'cin' }).SK)).toBe(false);
    expect(k.totals({ month: '2026-03' }).SK).toBe('ALL#MONTH#2026-03');
    expect(k.totals({ month: '2026-03', caseType: 'care-leaver' }).SK).toBe('TYPE#care-leaver#MONTH#2026-03');
  });

  it('sort open actions by due date so those due before a day are one range', () => {
    expect(k.openAction('2026-11-25', 'x1').SK < k.openActionsDueBefore('2026-11-26')).toBe(true);
    expect(k.openAction('2026-11-26', 'x1').SK < k.openActionsDueBefore('2026-11-26')).toBe(false);
  });

  it('reject unsafe parts', () => {
    expect(() => k.totals({ month: '2026-11', teamId: 'a#b' })).toThrow(UnsafeKeyPartError);
    expect(() => k.openAction('2026-11-25', 'x#1')).toThrow(UnsafeKeyPartError);
  });
});
