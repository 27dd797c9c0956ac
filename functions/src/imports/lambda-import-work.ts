/**
 * In AWS the import job is a function of its own (imports/lambda.ts), started at once when a
 * person moves an import on: an asynchronous invocation (`InvocationType: 'Event'`) carrying
 * the import's tenant and id. Lambda accepts it and answers before the work starts, so the
 * person's request does not wait for the file to be read; Lambda retries a failed run, and the
 * import function's schedule finds anything left over. The imports function also starts
 * itself this way to go on with a file its run had no time left for.
 *
 * The Lambda client is loaded on the first start, not with the function: only the import
 * routes and the imports function use it.
 */
import type { LambdaClient } from '@aws-sdk/client-lambda';

/** What the imports function is invoked with to work on one import. */
export interface ImportWorkRequest {
  tenantId: string;
  importId: string;
  /** How many runs have gone on with this import one after the other (1 for the first). */
  run?: number;
}

export interface LambdaSender {
  send: LambdaClient['send'];
}

export type StartImportRun = (request: ImportWorkRequest) => Promise<void>;

export function lambdaImportWork(options: { functionName: string; region: string; lambda?: LambdaSender }): StartImportRun {
  let loaded: Promise<{ sdk: typeof import('@aws-sdk/client-lambda'); lambda: LambdaSender }> | undefined;
  const load = () => (loaded ??= import('@aws-sdk/client-lambda').then((sdk) => ({ sdk, lambda: options.lambda ?? new sdk.LambdaClient({ region: options.region }) })));
  return async (request) => {
    const {
      sdk: { InvokeCommand },
      lambda,
    } = await load();
    const payload: ImportWorkRequest = { tenantId: request.tenantId, importId: request.importId, run: request.run ?? 1 };
    const answer = await lambda.send(new InvokeCommand({ FunctionName: options.functionName, InvocationType: 'Event', Payload: new TextEncoder().encode(JSON.stringify(payload)) }));
    // 202 is Lambda's "queued"; anything else means the run will not happen.
    if (answer.StatusCode !== 202) throw new Error(`the imports function did not take the run (status ${answer.StatusCode ?? 'none'})`);
  };
}
