/**
 * The case GET and audit GET as a deployed casework Lambda answers them, measured in a process
 * that holds only that function: in AWS each group of routes (api-groups.ts) runs in a function
 * of its own, so the instance answering a case GET never runs the dashboards, the team page or
 * the portal's calls, and its heap holds nothing of theirs. The full bench (run.ts) also serves
 * all of those from its own process, and there the case GET cost more CPU beside its GetItem
 * than on a stack of its own (1.28 against 1.19 idle), so the read figures are taken here:
 * this process builds the casework handler over the bench's database and issuer (as
 * lambda-invoke.ts does in-process) and a GetItem client of its own, interleaves the reads and
 * answers with their samples and CPU per request. Started by casework-reads.ts with `fork`.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '@waypoint/functions/platform/database/clients';
import { tenantKeys } from '@waypoint/shared/tenancy/keys';
import { caseworkSurroundings, REGION } from './casework-surroundings.ts';
import { caseworkHandler } from './lambda-invoke.ts';
import { interleave } from './measure.ts';
import { cpuPerRequest } from './read-cpu.ts';
import type { CaseworkReadsRequest } from './casework-reads.ts';

async function measure(request: CaseworkReadsRequest) {
  const { databaseEndpoint, tableName, tenantId, token, caseRef, auditId } = request;
  const invoke = caseworkHandler(caseworkSurroundings(request));
  const db = createDocumentClient({ endpoint: databaseEndpoint, region: REGION });
  const key = tenantKeys(tenantId).case(caseRef);
  const workloads = {
    raw_getitem: async () => {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key }));
      if (!Item) throw new Error('case missing');
    },
    case_get_handler: () => invoke(`/v1/cases/${caseRef}`, token),
    audit_get_handler: () => invoke(`/v1/audits/${auditId}`, token),
  };
  await interleave(workloads, request.warmUp);
  const samples = await interleave(workloads, request.rounds);
  const cpu = await cpuPerRequest(workloads, { blocks: request.cpuBlocks });
  return { samples, cpu };
}

process.once('message', (request: CaseworkReadsRequest) => {
  measure(request).then(
    (result) => process.send!({ result }, () => process.exit(0)),
    (error: unknown) => process.send!({ error: String((error as Error)?.stack ?? error) }, () => process.exit(1)),
  );
});
