/** The column names each source system's export usually has, and the mapping suggested for a file's header row. */
import { IMPORT_FIELDS, type ImportKind, type ImportSource } from './import-schemas.ts';

/**
 * Column names as each system's standard export usually has them. A preset is a starting
 * point: the person importing checks it on the mapping screen, and what they save is kept for
 * their authority and that source.
 */
export const IMPORT_PRESETS: Record<Exclude<ImportSource, 'other'>, Record<ImportKind, Record<string, string[]>>> = {
  'liquidlogic-lcs': {
    cases: {
      ref: ['Person ID', 'LCS ID'],
      team: ['Allocated Team', 'Team'],
      caseType: ['Category', 'Case Category'],
      holder: ['Allocated Worker Email', 'Worker Email'],
      openedOn: ['Episode Start Date', 'Start Date'],
      closedOn: ['Episode End Date', 'End Date'],
      ageBand: ['Age Band'],
      gender: ['Gender'],
      ethnicity: ['Ethnicity'],
      disability: ['Disability'],
    },
    staff: { email: ['Worker Email', 'Email'], name: ['Worker Name', 'Name'], role: ['Job Role', 'Role'], teams: ['Teams', 'Team'] },
    journey: { ref: ['Person ID'], event: ['Step', 'Step Type', 'Event'], date: ['Step Date', 'Date'] },
    references: { oldRef: ['Old Person ID', 'Previous Person ID', 'Old ID'], newRef: ['New Person ID', 'Person ID', 'New ID'] },
  },
  'liquidlogic-ehm': {
    cases: {
      ref: ['EHM ID', 'Person ID'],
      team: ['Team'],
      caseType: ['Case Type', 'Category'],
      holder: ['Lead Practitioner Email', 'Worker Email'],
      openedOn: ['Episode Start', 'Start Date'],
      closedOn: ['Episode End', 'End Date'],
      ageBand: ['Age Band'],
      gender: ['Gender'],
      ethnicity: ['Ethnicity'],
      disability: ['Disability'],
    },
    staff: { email: ['Email'], name: ['Name'], role: ['Role'], teams: ['Teams'] },
    journey: { ref: ['EHM ID'], event: ['Step'], date: ['Step Date'] },
    references: { oldRef: ['Old EHM ID', 'Previous EHM ID'], newRef: ['New EHM ID', 'EHM ID'] },
  },
  mosaic: {
    cases: {
      ref: ['PERSON_ID', 'Person Id'],
      team: ['TEAM_NAME', 'Team Name'],
      caseType: ['CASE_TYPE', 'Workflow Type'],
      holder: ['WORKER_EMAIL', 'Worker Email'],
      openedOn: ['START_DATE', 'Start Date'],
      closedOn: ['END_DATE', 'End Date'],
      ageBand: ['AGE_BAND'],
      gender: ['GENDER'],
      ethnicity: ['ETHNICITY'],
      disability: ['DISABILITY'],
    },
    staff: { email: ['WORKER_EMAIL'], name: ['WORKER_NAME'], role: ['ROLE'], teams: ['TEAMS', 'TEAM_NAME'] },
    journey: { ref: ['PERSON_ID'], event: ['STEP_TYPE', 'WORKFLOW_STEP'], date: ['STEP_DATE', 'COMPLETED_DATE'] },
    references: { oldRef: ['OLD_PERSON_ID', 'PREVIOUS_PERSON_ID'], newRef: ['NEW_PERSON_ID', 'PERSON_ID'] },
  },
  eclipse: {
    cases: {
      ref: ['Client ID', 'Person Reference'],
      team: ['Team'],
      caseType: ['Service Type', 'Involvement Type'],
      holder: ['Key Worker Email'],
      openedOn: ['Open Date', 'Involvement Start'],
      closedOn: ['Close Date', 'Involvement End'],
      ageBand: ['Age Band'],
      gender: ['Gender'],
      ethnicity: ['Ethnicity'],
      disability: ['Disability'],
    },
    staff: { email: ['Email Address'], name: ['Display Name'], role: ['Role'], teams: ['Teams'] },
    journey: { ref: ['Client ID'], event: ['Form Type', 'Event'], date: ['Event Date'] },
    references: { oldRef: ['Old Client ID', 'Previous Client ID'], newRef: ['New Client ID', 'Client ID'] },
  },
  carefirst: {
    cases: {
      ref: ['Client No', 'Client Number'],
      team: ['Team Name'],
      caseType: ['Client Category', 'Category'],
      holder: ['Worker Email'],
      openedOn: ['Referral Date', 'Start Date'],
      closedOn: ['Closure Date', 'End Date'],
      ageBand: ['Age Band'],
      gender: ['Gender'],
      ethnicity: ['Ethnic Group', 'Ethnicity'],
      disability: ['Disability'],
    },
    staff: { email: ['Worker Email'], name: ['Worker Name'], role: ['Role'], teams: ['Team Name'] },
    journey: { ref: ['Client No'], event: ['Activity'], date: ['Activity Date'] },
    references: { oldRef: ['Old Client No', 'Previous Client No'], newRef: ['New Client No', 'Client No'] },
  },
};

/** Column names compared without case, spaces, underscores or hyphens ("WORKER_EMAIL" is "Worker Email"). */
export function sameColumnName(a: string, b: string): boolean {
  const plain = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');
  return plain(a) === plain(b);
}

/** A mapping for a file's headers: the saved one's columns that are present, then the preset's names. */
export function suggestMapping(kind: ImportKind, source: ImportSource, headers: readonly string[], saved?: Record<string, string>): Record<string, string> {
  const mapping: Record<string, string> = {};
  const presetNames = source === 'other' ? {} : IMPORT_PRESETS[source][kind];
  for (const field of IMPORT_FIELDS[kind]) {
    const candidates = [...(saved?.[field.name] ? [saved[field.name]!] : []), ...(presetNames[field.name] ?? []), field.name, field.label];
    const found = candidates.map((name) => headers.find((h) => sameColumnName(h, name))).find((h) => h !== undefined);
    if (found !== undefined) mapping[field.name] = found;
  }
  return mapping;
}
