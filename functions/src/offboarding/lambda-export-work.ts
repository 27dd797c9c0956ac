/**
 * In AWS a full data export is made by the jobs function, started the moment it is asked for:
 * an asynchronous invocation (`InvocationType: 'Event'`) carrying the export's authority and id,
 * as the import routes start the imports function. Lambda answers before the work starts, so
 * the request does not wait for the export; the offboarding job's run every ten minutes stays as
 * the sweep that finishes an export whose start was lost or whose run stopped.
 *
 * The Lambda client is loaded on the first start, not with the function: only the export routes use it.
 */
import type { LambdaClient } from '@aws-sdk/client-lambda';

/** What the jobs function is invoked with to make one export. */
export interface DataExportRequest {
  dataExport: { tenantId: string; exportId: string };
}

export interface LambdaSender {
  send: LambdaClient['send'];
}

export function isDataExportRequest(event: unknown): event is DataExportRequest {
  const request = (event as Partial<DataExportRequest> | undefined)?.dataExport;
  return typeof request?.tenantId === 'string' && typeof request.exportId === 'string';
}

export function lambdaExportWork(options: { functionName: string; region: string; lambda?: LambdaSender }): (tenantId: string, exportId: string) => Promise<void> {
  let loaded: Promise<{ sdk: typeof import('@aws-sdk/client-lambda'); lambda: LambdaSender }> | undefined;
  const load = () => (loaded ??= import('@aws-sdk/client-lambda').then((sdk) => ({ sdk, lambda: options.lambda ?? new sdk.LambdaClient({ region: options.region }) })));
  return async (tenantId, exportId) => {
    const {
      sdk: { InvokeCommand },
      lambda,
    } = await load();
    const payload: DataExportRequest = { dataExport: { tenantId, exportId } };
    const answer = await lambda.send(new InvokeCommand({ FunctionName: options.functionName, InvocationType: 'Event', Payload: new TextEncoder().encode(JSON.stringify(payload)) }));
    // 202 is Lambda's "queued"; anything else means the run will not happen.
    if (answer.StatusCode !== 202) throw new Error(`the jobs function did not take the export (status ${answer.StatusCode ?? 'none'})`);
  };
}
