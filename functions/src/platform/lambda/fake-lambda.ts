/** For tests of code that starts a function: a Lambda client that keeps what it was sent and answers with a chosen status. */
import type { InvokeCommand, InvokeCommandOutput } from '@aws-sdk/client-lambda';
import type { LambdaSender } from './start-function.ts';

export function fakeLambda(statusCode = 202): { sent: InvokeCommand['input'][]; lambda: LambdaSender } {
  const sent: InvokeCommand['input'][] = [];
  const lambda = {
    async send(command: InvokeCommand): Promise<InvokeCommandOutput> {
      sent.push(command.input);
      return { $metadata: {}, StatusCode: statusCode };
    },
  };
  return { sent, lambda: lambda as unknown as LambdaSender };
}
