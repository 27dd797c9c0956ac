/**
 * Starting another Lambda function without waiting for it: an asynchronous invocation
 * (`InvocationType: 'Event'`). Lambda answers 202 once the event is queued, before the work
 * starts, so a person's request never waits for an import or an export to run; Lambda retries a
 * failed run, and each function's schedule sweeps up a start that was lost.
 *
 * The Lambda client is loaded on the first start, not with the function: only the few routes
 * and jobs that start other functions need it, and every other path stays small and quick to start.
 */
import type { LambdaClient } from '@aws-sdk/client-lambda';

export interface LambdaSender {
  send: LambdaClient['send'];
}

/** Sends `payload` to the named function; `what` names the work in the error when Lambda refuses it. */
export type StartFunction = (payload: unknown, what: string) => Promise<void>;

export function functionStarter(options: { functionName: string; region: string; lambda?: LambdaSender }): StartFunction {
  let loaded: Promise<{ sdk: typeof import('@aws-sdk/client-lambda'); lambda: LambdaSender }> | undefined;
  const load = () => (loaded ??= import('@aws-sdk/client-lambda').then((sdk) => ({ sdk, lambda: options.lambda ?? new sdk.LambdaClient({ region: options.region }) })));
  return async (payload, what) => {
    const {
      sdk: { InvokeCommand },
      lambda,
    } = await load();
    const answer = await lambda.send(new InvokeCommand({ FunctionName: options.functionName, InvocationType: 'Event', Payload: new TextEncoder().encode(JSON.stringify(payload)) }));
    // 202 is Lambda's "queued"; anything else means the run will not happen.
    if (answer.StatusCode !== 202) throw new Error(`${options.functionName} did not take ${what} (status ${answer.StatusCode ?? 'none'})`);
  };
}
