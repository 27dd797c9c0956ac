import { describe, expect, it } from 'vitest';
import { impactBody, impactErrorsFromProblem } from './impact-form.ts';

describe('the re-audit’s answer about an action', () => {
  it('needs one of the four answers, and keeps a comment only when there is one', () => {
    expect(impactBody('re-a1', { difference: '', comment: '' })).toEqual({ ok: false, errors: [{ field: 'difference', message: 'Say whether it made a difference for the child' }] });
    expect(impactBody('re-a1', { difference: 'maybe', comment: '' })).toMatchObject({ ok: false, errors: [{ field: 'difference' }] });
    expect(impactBody('re-a1', { difference: 'partly', comment: '  ' })).toEqual({ ok: true, body: { reauditId: 're-a1', difference: 'partly' } });
    expect(impactBody('re-a1', { difference: 'yes', comment: ' The plan is in place. ' })).toEqual({ ok: true, body: { reauditId: 're-a1', difference: 'yes', comment: 'The plan is in place.' } });
  });

  it('refuses a comment over 2000 characters', () => {
    expect(impactBody('re-a1', { difference: 'no', comment: 'x'.repeat(2001) })).toMatchObject({ ok: false, errors: [{ field: 'comment' }] });
  });

  it('shows a refusal about the re-audit as a problem with the whole form', () => {
    expect(impactErrorsFromProblem([{ path: 'reauditId', message: 'No re-audit of this action’s audit' }])).toEqual([{ field: 'form', message: 'No re-audit of this action’s audit' }]);
    expect(impactErrorsFromProblem([{ path: 'difference', message: 'Say whether' }])).toEqual([{ field: 'difference', message: 'Say whether' }]);
  });
});
