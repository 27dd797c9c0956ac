import { describe, expect, it } from 'vitest';
import { tenantKeys } from '@waypoint/shared/tenancy/keys';
import { RECORD_TYPE_ORDER, recordTypeOf } from './record-types.ts';

const keys = tenantKeys('11111111-1111-4111-8111-111111111111');
const typeOf = (key: { PK: string; SK: string }) => recordTypeOf(keys.root, key).name;

describe('the kind of an authority’s record, from its key alone', () => {
  it('names the records a council would look for', () => {
    expect(typeOf(keys.case('NV-00001'))).toBe('cases');
    expect(typeOf(keys.journey('NV-00001'))).toBe('journey-events');
    expect(typeOf(keys.audit('01J'))).toBe('audits');
    expect(typeOf(keys.reflection('01J', '01K'))).toBe('reflections');
    expect(typeOf(keys.action('01J'))).toBe('actions');
    expect(typeOf(keys.sample('2026-01', 'nv-manager'))).toBe('programmes');
    expect(typeOf(keys.user('nv-manager'))).toBe('users');
    expect(typeOf(keys.team('child-in-need'))).toBe('teams');
    expect(typeOf(keys.settings())).toBe('authority');
    expect(typeOf(keys.activity('2026-01-01T00:00:00.000Z', 'case', 'NV-00001', 1))).toBe('activity-log');
    expect(typeOf(keys.feedbackResponse('act', 'resp'))).toBe('engagement-responses');
    expect(typeOf({ PK: `${keys.root}#FILES#ACTION#01J`, SK: 'FILE#01K' })).toBe('files');
  });

  it('keeps lookups and counters out of the export, and files any partition it does not know under other records', () => {
    for (const key of [keys.caseRefLookup('NV-00001'), keys.size(), keys.openAction('2026-01-01', '01J'), keys.totalsMarker({ kind: 'action', id: '01J' }), keys.auditAction('01J', '01K'), keys.auditActionsCopied('01J')]) {
      expect(recordTypeOf(keys.root, key).exported).toBe(false);
    }
    expect(typeOf({ PK: `${keys.root}#SOMETHING-NEW#1`, SK: 'X' })).toBe('other-records');
    expect(recordTypeOf(keys.root, { PK: `${keys.root}#SOMETHING-NEW#1`, SK: 'X' }).exported).toBe(true);
  });

  it('has one name per kind, each safe as a file name', () => {
    const names = RECORD_TYPE_ORDER.map((type) => type.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z-]+$/);
  });
});
