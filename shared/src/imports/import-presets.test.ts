import { describe, expect, it } from 'vitest';
import { IMPORT_PRESETS, suggestMapping } from './import-presets.ts';
import { IMPORT_FIELDS, type ImportKind } from './import-schemas.ts';

const KINDS = Object.keys(IMPORT_FIELDS) as ImportKind[];

describe('the mapping suggested for a file', () => {
  for (const [source, preset] of Object.entries(IMPORT_PRESETS)) {
    it(`maps every column ${source}'s usual export names, whatever their case and separators`, () => {
      for (const kind of KINDS) {
        const usual = Object.fromEntries(Object.entries(preset[kind]).map(([field, names]) => [field, names[0]!]));
        // An export written in capitals with underscores still matches ("Worker Email" is "WORKER_EMAIL").
        const headers = Object.values(usual).map((name) => name.toUpperCase().replace(/ /g, '_'));
        const expected = Object.fromEntries(Object.entries(usual).map(([field, name]) => [field, name.toUpperCase().replace(/ /g, '_')]));
        expect(suggestMapping(kind, source as keyof typeof IMPORT_PRESETS, headers), `${source} ${kind}`).toEqual(expected);
      }
    });
  }

  it('reads a CareFirst case export by its own names, preferring the first a field lists', () => {
    const headers = ['Client No', 'Team Name', 'Client Category', 'Category', 'Worker Email', 'Referral Date', 'Notes'];
    expect(suggestMapping('cases', 'carefirst', headers)).toEqual({ ref: 'Client No', team: 'Team Name', caseType: 'Client Category', holder: 'Worker Email', openedOn: 'Referral Date' });
  });

  it('puts the authority’s saved mapping first, where its column is in the file', () => {
    const headers = ['Client No', 'Our Team', 'Team Name', 'Client Category'];
    const saved = { team: 'Our Team', caseType: 'A column this file lacks' };
    expect(suggestMapping('cases', 'carefirst', headers, saved)).toEqual({ ref: 'Client No', team: 'Our Team', caseType: 'Client Category' });
  });

  it('suggests, for another system, the columns named as Waypoint names its fields', () => {
    expect(suggestMapping('staff', 'other', ['email', 'Name', 'ROLE', 'Department'])).toEqual({ email: 'email', name: 'Name', role: 'ROLE' });
  });

  it('suggests nothing for a file none of whose columns it knows', () => {
    expect(suggestMapping('journey', 'mosaic', ['Colour', 'Shape'])).toEqual({});
  });
});
