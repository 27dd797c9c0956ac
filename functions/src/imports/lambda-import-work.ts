/**
 * In AWS the import job is a function of its own (imports/lambda.ts), started at once when a
 * person moves an import on (platform/lambda/start-function.ts), carrying the import's tenant and
 * id. The imports function also starts itself this way to go on with a file its run had no time
 * left for, and its schedule finds anything left over.
 */
import { functionStarter, type LambdaSender } from '../platform/lambda/start-function.ts';

/** What the imports function is invoked with to work on one import. */
export interface ImportWorkRequest {
  tenantId: string;
  importId: string;
  /** How many runs have gone on with this import one after the other (1 for the first). */
  run?: number;
}

export type StartImportRun = (request: ImportWorkRequest) => Promise<void>;

export function lambdaImportWork(options: { functionName: string; region: string; lambda?: LambdaSender }): StartImportRun {
  const start = functionStarter(options);
  return (request) => start({ tenantId: request.tenantId, importId: request.importId, run: request.run ?? 1 } satisfies ImportWorkRequest, 'the run');
}
