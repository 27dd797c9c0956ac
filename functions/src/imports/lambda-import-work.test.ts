/** Specifies how the API (and the imports function itself) starts a run of the imports function in AWS. */
import { describe, expect, it } from 'vitest';
import { fakeLambda } from '../platform/lambda/fake-lambda.ts';
import { lambdaImportWork } from './lambda-import-work.ts';

const request = { tenantId: '7f3c1a52-6d1e-4b8a-9c2f-4e6f72746802', importId: '01JEXAMPLE0000000000000000' };

describe('starting a run of the imports function', () => {
  it('invokes the named function asynchronously with the import’s tenant and id, as the first run unless told otherwise', async () => {
    const { sent, lambda } = fakeLambda();
    await lambdaImportWork({ functionName: 'waypoint-prod-imports', region: 'eu-west-2', lambda })(request);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ FunctionName: 'waypoint-prod-imports', InvocationType: 'Event' });
    expect(JSON.parse(new TextDecoder().decode(sent[0]!.Payload as Uint8Array))).toEqual({ ...request, run: 1 });
  });

  it('carries the run’s number when a run starts the next one', async () => {
    const { sent, lambda } = fakeLambda();
    await lambdaImportWork({ functionName: 'waypoint-prod-imports', region: 'eu-west-2', lambda })({ ...request, run: 3 });
    expect(JSON.parse(new TextDecoder().decode(sent[0]!.Payload as Uint8Array)).run).toBe(3);
  });

  it('fails when Lambda does not queue the run, so the caller can say so (the sweep finds the import later)', async () => {
    const { lambda } = fakeLambda(200);
    await expect(lambdaImportWork({ functionName: 'waypoint-prod-imports', region: 'eu-west-2', lambda })(request)).rejects.toThrow(/did not take the run/);
  });
});
