import { describe, expect, it } from 'vitest';
import { changesNothing, withoutKeys } from './versioned-items.ts';

describe('changesNothing', () => {
  const item = { name: 'Assessment', version: 3, labels: ['a', 'b'], colours: { header: '#1d70b8', link: '#003078' }, GSI1PK: 'TENANT#x#CASES' };

  it('is true when every change repeats what is stored, whatever order a map arrives in', () => {
    expect(changesNothing(item, { name: 'Assessment' })).toBe(true);
    expect(changesNothing(item, { labels: ['a', 'b'], colours: { link: '#003078', header: '#1d70b8' } })).toBe(true);
    expect(changesNothing(item, {})).toBe(true);
  });

  it('treats removing an absent attribute as no change, and ignores index keys, which follow the rest', () => {
    expect(changesNothing(item, { studentId: null, closedOn: undefined })).toBe(true);
    expect(changesNothing(item, { GSI1PK: 'TENANT#x#OTHER', GSI2PK: null })).toBe(true);
  });

  it('is false for any real difference', () => {
    expect(changesNothing(item, { name: 'Assessment Team' })).toBe(false);
    expect(changesNothing(item, { labels: ['b', 'a'] })).toBe(false);
    expect(changesNothing(item, { labels: ['a'] })).toBe(false);
    expect(changesNothing(item, { colours: { header: '#1d70b8' } })).toBe(false);
    expect(changesNothing(item, { name: null })).toBe(false);
    expect(changesNothing(item, { service: 'Children' })).toBe(false);
    expect(changesNothing(item, { version: '3' })).toBe(false);
  });
});

describe('withoutKeys', () => {
  it('leaves out the table and index keys and keeps every other attribute as data', () => {
    const item = JSON.parse('{"PK":"TENANT#t","SK":"CASE","GSI1PK":"a","GSI12SK":"b","ref":"NV-1","task":"x","GSI1PKX":"kept","__proto__":{"polluted":true}}') as Record<string, unknown>;
    const shown = withoutKeys<Record<string, unknown>>(item);
    expect(Object.keys(shown)).toEqual(['ref', 'task', 'GSI1PKX', '__proto__']);
    expect(Object.getPrototypeOf(shown)).toBe(Object.prototype);
    expect((shown as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
