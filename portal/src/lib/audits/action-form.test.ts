import { describe, expect, it } from 'vitest';
import { actionBodyFromForm, actionErrorsFromProblem, type ActionFormValues } from './action-form.ts';

const values: ActionFormValues = {
  sectionId: 'assessment',
  description: 'Update the assessment with the father’s views',
  finding: '',
  ownerId: 'nv-practitioner',
  dueDate: { day: '1', month: '12', year: '2030' },
  priority: 'high',
};

describe('raising an action', () => {
  it('becomes a body naming the audit and section it came from', () => {
    const result = actionBodyFromForm('AUDIT1', values);
    expect(result).toEqual({
      ok: true,
      body: { source: { type: 'audit', auditId: 'AUDIT1', sectionId: 'assessment' }, description: values.description, ownerId: 'nv-practitioner', dueDate: '2030-12-01', priority: 'high' },
    });
  });

  it('asks for every missing part in the form’s own words', () => {
    const result = actionBodyFromForm('AUDIT1', { ...values, sectionId: '', description: ' ', ownerId: '', dueDate: { day: '', month: '', year: '' } });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['sectionId', 'description', 'ownerId', 'dueDate']);
    expect(result.ok ? undefined : result.errors[3]?.message).toBe('Enter the date the action is due');
  });

  it('maps the API’s nested section path onto the form’s field', () => {
    expect(actionErrorsFromProblem([{ path: 'source.sectionId', message: 'No such section' }])).toEqual([{ field: 'sectionId', message: 'No such section' }]);
  });
});
