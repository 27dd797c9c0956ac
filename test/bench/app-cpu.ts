/**
 * The API's own CPU per request, apart from the database and the network: the app is called
 * in this process (no HTTP) with a data client that answers each distinct command from memory
 * after asking the real one once, and the figure is process CPU time, not wall time, so it
 * holds on a busy machine where the timed ratios wander. What it still counts beside the
 * routes' own work: building the web Request, and copying each remembered answer (as the SDK
 * would build a fresh one).
 */
import { createApp } from '@waypoint/functions/api/app';
import { API_AUDIENCE } from '@waypoint/functions/local/local-stack';
import { createAccessTokenVerifier } from '@waypoint/functions/platform/auth/access-token';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createRequestLimiter } from '@waypoint/functions/platform/limits/request-limiter';
import { ROOMY } from '../support/roomy-limits.ts';
import type { TestStack } from '../support/stack.ts';

/** A client that asks `real` once per distinct command and then answers it from memory. */
export function replaying(real: DynamoDBDocumentClient): DynamoDBDocumentClient {
  const answers = new Map<string, unknown>();
  const send = async (command: { constructor: { name: string }; input: unknown }) => {
    const key = command.constructor.name + JSON.stringify(command.input);
    if (!answers.has(key)) answers.set(key, await real.send(command as Parameters<DynamoDBDocumentClient['send']>[0]));
    return structuredClone(answers.get(key));
  };
  return { send } as unknown as DynamoDBDocumentClient;
}

/** Microseconds of CPU per request for each path, after a warm-up; every answer must be 200. */
export async function appCpuPerRequest(options: { stack: TestStack; db: DynamoDBDocumentClient; token: string; paths: Record<string, string>; requests?: number }): Promise<Record<string, number>> {
  const { stack, token } = options;
  const db = replaying(options.db);
  const verifier = createAccessTokenVerifier({ issuer: stack.issuer, audience: API_AUDIENCE });
  const app = createApp({
    tableName: stack.tableName,
    platformClient: db,
    dataClientFor: () => db,
    objects: stack.jobDependencies.objects,
    verifyAccessToken: (t) => verifier.verify(t),
    accounts: stack.accounts,
    portalUrl: 'http://localhost',
    requestLimiter: createRequestLimiter(ROOMY),
    devOutbox: false,
  });
  const requests = options.requests ?? 2_000;
  const figures: Record<string, number> = {};
  for (const [name, path] of Object.entries(options.paths)) {
    const once = async () => {
      const response = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      await response.arrayBuffer();
    };
    for (let n = 0; n < 500; n++) await once();
    const before = process.cpuUsage();
    for (let n = 0; n < requests; n++) await once();
    const used = process.cpuUsage(before);
    figures[name] = (used.user + used.system) / requests;
  }
  return figures;
}
