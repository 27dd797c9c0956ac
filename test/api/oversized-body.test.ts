/** Oversized bodies are refused with 413 and leave the client able to carry on. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

it('answers six oversized POSTs in a row with 413 problem+json, then serves the next request', async () => {
  const body = JSON.stringify({ ref: 'NV-70001', teamId: 'child-in-need', caseType: 'child-in-need', label: 'x'.repeat(300 * 1024) });
  for (let i = 0; i < 6; i++) {
    const response = await stack.api('manager@northvale.example', '/v1/cases', { method: 'POST', body });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  }
  expect((await stack.api('manager@northvale.example', '/v1/cases/NV-70001')).status).toBe(404);
});
