/** When the database goes away under a running API, callers get a clear 503, never a hang or a 500. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TestStack } from '../support/stack.ts';

let stack: TestStack;
const manager = 'manager@northvale.example';

beforeAll(async () => {
  // It stops the database under the API, so the stack is its own.
  stack = await startStack({ own: true });
  await stack.tokenFor(manager); // sign in while the database is still up
});

afterAll(async () => {
  await stack?.stop();
});

describe('database stopped mid-run', () => {
  it('serves normally, then answers 503 problem+json for health and data routes once the database stops', async () => {
    expect((await stack.api(null, '/v1/health')).status).toBe(200);
    expect((await stack.api(manager, '/v1/cases/NV-00001')).status).toBe(200);

    await stack.database.close();

    const health = await stack.api(null, '/v1/health');
    expect(health.status).toBe(503);
    expect(health.headers.get('content-type')).toBe('application/problem+json');
    expect(await health.json()).toMatchObject({ status: 503, title: 'Service unavailable' });

    const read = await stack.api(manager, '/v1/cases/NV-00001');
    expect(read.status).toBe(503);
    expect((await read.json()).detail).toMatch(/database/i);

    const write = await stack.api(manager, '/v1/cases', {
      method: 'POST',
      body: JSON.stringify({ ref: 'NV-90001', teamId: 'child-in-need', caseType: 'child-in-need' }),
    });
    expect(write.status).toBe(503);
  });
});
