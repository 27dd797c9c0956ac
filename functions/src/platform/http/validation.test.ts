import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CreateCaseBody } from '@waypoint/shared/cases/case-schemas';
import { ApiError } from './api-error.ts';
import { parseWith } from './validation.ts';

function problemOf(input: unknown) {
  try {
    parseWith(CreateCaseBody, input, 'request body');
  } catch (error) {
    if (error instanceof ApiError) return error;
  }
  throw new Error('expected a validation problem');
}

describe('validation problems', () => {
  it('names an unknown field such as tenantId without accepting it', () => {
    const problem = problemOf({ ref: 'NV-1', teamId: 't', caseType: 'child-in-need', tenantId: 'x' });
    expect(problem.status).toBe(400);
    expect(problem.errors).toContainEqual({ path: 'tenantId', message: 'Unknown field' });
  });

  it('never echoes the rejected value back', () => {
    const secret = 'SECRET-VALUE-123';
    const problem = problemOf({ ref: 'NV-1', teamId: 5, caseType: secret });
    expect(JSON.stringify(problem.errors)).not.toContain(secret);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['caseType', 'teamId']);
  });

  it('reports nested paths with dots', () => {
    const schema = v.strictObject({ answers: v.array(v.strictObject({ grade: v.number() })) });
    try {
      parseWith(schema, { answers: [{ grade: 1 }, { grade: 'x' }] }, 'body');
    } catch (error) {
      expect((error as ApiError).errors?.[0]?.path).toBe('answers.1.grade');
      return;
    }
    throw new Error('expected a problem');
  });
});
