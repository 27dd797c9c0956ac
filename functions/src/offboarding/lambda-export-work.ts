/**
 * In AWS a full data export is made by the jobs function, started the moment it is asked for
 * (platform/lambda/start-function.ts), as the import routes start the imports function. The
 * offboarding job's run every ten minutes stays as the sweep that finishes an export whose start
 * was lost or whose run stopped.
 */
import { functionStarter, type LambdaSender } from '../platform/lambda/start-function.ts';

/** What the jobs function is invoked with to make one export. */
export interface DataExportRequest {
  dataExport: { tenantId: string; exportId: string };
}

export function isDataExportRequest(event: unknown): event is DataExportRequest {
  const request = (event as Partial<DataExportRequest> | undefined)?.dataExport;
  return typeof request?.tenantId === 'string' && typeof request.exportId === 'string';
}

export function lambdaExportWork(options: { functionName: string; region: string; lambda?: LambdaSender }): (tenantId: string, exportId: string) => Promise<void> {
  const start = functionStarter(options);
  return (tenantId, exportId) => start({ dataExport: { tenantId, exportId } } satisfies DataExportRequest, 'the export');
}
