import { describe, expect, it } from 'vitest';
import { codeValuesFromForm, defaultCodeValues, issueBodyFromForm, startLink } from './code-form.ts';

const posted = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};
const date = { 'expiresOn-day': '30', 'expiresOn-month': '6', 'expiresOn-year': '2026' };

describe('the invitation code form', () => {
  it('issues a single-use code linked to a case, ignoring the shared-only count', () => {
    const values = codeValuesFromForm(posted({ kind: 'single-use', ...date, caseRef: ' NV-00001 ', maxResponses: '30' }));
    expect(issueBodyFromForm(values)).toEqual({ ok: true, body: { kind: 'single-use', expiresOn: '2026-06-30', caseRef: 'NV-00001' } });
  });

  it('issues a shared code with a count and a note, ignoring the case', () => {
    const values = codeValuesFromForm(posted({ kind: 'shared', ...date, caseRef: 'NV-00001', maxResponses: '30', label: 'Year 9 group' }));
    expect(issueBodyFromForm(values)).toEqual({ ok: true, body: { kind: 'shared', expiresOn: '2026-06-30', maxResponses: 30, label: 'Year 9 group' } });
  });

  it('asks for the kind and the last day', () => {
    const result = issueBodyFromForm(codeValuesFromForm(posted({})));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field)).toEqual(['expiresOn', 'kind']);
  });

  it('refuses a count that is not a whole number from 1 to 2000', () => {
    for (const count of ['0', '2001', 'ten']) {
      const result = issueBodyFromForm(codeValuesFromForm(posted({ kind: 'shared', ...date, maxResponses: count })));
      expect(result.ok).toBe(false);
    }
  });

  it('suggests four weeks, or the activity’s closing day if sooner', () => {
    expect(defaultCodeValues('2026-03-01', undefined).expiresOn).toEqual({ day: '29', month: '3', year: '2026' });
    expect(defaultCodeValues('2026-03-01', '2026-03-10').expiresOn).toEqual({ day: '10', month: '3', year: '2026' });
  });

  it('makes a link that opens the code straight away', () => {
    expect(startLink('https://qa.example', 'northvale', 'ABCD-EFGH')).toBe('https://qa.example/have-your-say/northvale/start?code=ABCD-EFGH');
  });
});
