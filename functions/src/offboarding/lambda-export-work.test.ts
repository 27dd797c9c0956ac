/** Specifies how the API starts making a full data export in AWS: an asynchronous run of the jobs function. */
import { describe, expect, it } from 'vitest';
import { fakeLambda } from '../platform/lambda/fake-lambda.ts';
import { isDataExportRequest, lambdaExportWork } from './lambda-export-work.ts';

const TENANT = '7f3c1a52-6d1e-4b8a-9c2f-4e6f72746802';
const EXPORT = '01JEXAMPLE0000000000000000';

describe('starting a full data export in AWS', () => {
  it('invokes the jobs function asynchronously with the export’s authority and id, which the function knows as an export', async () => {
    const { sent, lambda } = fakeLambda();
    await lambdaExportWork({ functionName: 'waypoint-prod-jobs', region: 'eu-west-2', lambda })(TENANT, EXPORT);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ FunctionName: 'waypoint-prod-jobs', InvocationType: 'Event' });
    const payload: unknown = JSON.parse(new TextDecoder().decode(sent[0]!.Payload as Uint8Array));
    expect(payload).toEqual({ dataExport: { tenantId: TENANT, exportId: EXPORT } });
    expect(isDataExportRequest(payload)).toBe(true);
  });

  it('tells a scheduled job’s event from an export', () => {
    expect(isDataExportRequest({ job: 'offboarding' })).toBe(false);
    expect(isDataExportRequest({ dataExport: { tenantId: TENANT } })).toBe(false);
    expect(isDataExportRequest(undefined)).toBe(false);
  });

  it('fails when Lambda does not queue the run, so the caller can say so (the next offboarding run makes the export)', async () => {
    const { lambda } = fakeLambda(200);
    await expect(lambdaExportWork({ functionName: 'waypoint-prod-jobs', region: 'eu-west-2', lambda })(TENANT, EXPORT)).rejects.toThrow(/did not take the export/);
  });
});
