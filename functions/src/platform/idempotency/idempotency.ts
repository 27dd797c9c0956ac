/**
 * Retried POSTs do not duplicate: a POST carrying `Idempotency-Key` runs once, and a retry
 * with the same key and body gets the first response again. Built on Powertools
 * idempotency, with its records in the tenant's own partition (`staticPkValue`), so the
 * same key isolation covers them; the same key with a different body is a 422.
 *
 * Powertools is loaded with the first POST that carries a key, not when the API starts:
 * every other request passes straight through, and cold starts do not pay for it.
 */
import { createHash } from 'node:crypto';
import type { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EXPIRY_ATTRIBUTE } from '@waypoint/shared/table/table-definition';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../../api/app-env.ts';
import { ApiError } from '../http/api-error.ts';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
const REMEMBER_SECONDS = 24 * 60 * 60;
const REQUEST_DEADLINE_MS = 30_000;

interface StoredResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

/** Thrown inside the idempotent function so that a failed request leaves no record behind. */
class NotRemembered extends Error {}

/** Per client, then per table and tenant: a layer writes through the client it was made with. */
const layersByClient = new WeakMap<DynamoDBClient, Map<string, DynamoDBPersistenceLayer>>();

let loaded: Promise<[typeof import('@aws-lambda-powertools/idempotency'), typeof import('@aws-lambda-powertools/idempotency/dynamodb')]> | undefined;
const powertools = () => (loaded ??= Promise.all([import('@aws-lambda-powertools/idempotency'), import('@aws-lambda-powertools/idempotency/dynamodb')]));

function persistenceFor(tenantId: string, partition: string, tableName: string, client: DynamoDBClient, Layer: typeof DynamoDBPersistenceLayer) {
  let layers = layersByClient.get(client);
  if (!layers) {
    layers = new Map();
    layersByClient.set(client, layers);
  }
  const cacheKey = `${tableName}|${tenantId}`;
  let layer = layers.get(cacheKey);
  if (!layer) {
    layer = new Layer({
      tableName,
      keyAttr: 'PK',
      sortKeyAttr: 'SK',
      staticPkValue: partition,
      expiryAttr: EXPIRY_ATTRIBUTE,
      awsSdkV3Client: client,
    });
    layers.set(cacheKey, layer);
  }
  return layer;
}

export const idempotentPosts = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('idempotency-key');
  if (c.req.method !== 'POST' || key === undefined) return next();
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError('validation', 'Idempotency-Key must be 8 to 128 letters, digits or . _ : -', { errors: [{ path: 'Idempotency-Key', message: 'Use a random value such as a UUID' }] });
  }
  const { tenant, staff } = c.var;
  const [{ IdempotencyConfig, makeIdempotent, IdempotencyAlreadyInProgressError, IdempotencyValidationError }, { DynamoDBPersistenceLayer }] = await powertools();
  const bodyHash = createHash('sha256')
    .update(await c.req.text())
    .digest('hex');
  const persistenceStore = persistenceFor(tenant.tenantId, tenant.keys.idempotencyPartition(), tenant.tableName, tenant.db as unknown as DynamoDBClient, DynamoDBPersistenceLayer);
  const config = new IdempotencyConfig({ eventKeyJmesPath: 'scope', payloadValidationJmesPath: 'bodyHash', expiresAfterSeconds: REMEMBER_SECONDS });
  // An in-progress record expires when the request could no longer be running (API Gateway's 30 s limit).
  config.registerLambdaContext({ getRemainingTimeInMillis: () => REQUEST_DEADLINE_MS } as Parameters<typeof config.registerLambdaContext>[0]);
  const run = makeIdempotent(
    async (_request: { scope: string; bodyHash: string }): Promise<StoredResponse> => {
      await next();
      if (c.error || c.res.status >= 400) throw new NotRemembered();
      return { status: c.res.status, body: await c.res.clone().text(), headers: Object.fromEntries(c.res.headers) };
    },
    { persistenceStore, config },
  );
  try {
    const stored = await run({ scope: `${staff.userId} ${c.req.method} ${c.req.path} ${key}`, bodyHash });
    if (!c.finalized) {
      c.res = new Response(stored.body, { status: stored.status, headers: { ...stored.headers, 'idempotent-replayed': 'true' } });
    }
  } catch (error) {
    if (error instanceof NotRemembered || (error instanceof Error && error.cause instanceof NotRemembered)) return;
    if (error instanceof IdempotencyValidationError) throw new ApiError('idempotency-conflict', 'This Idempotency-Key was used with a different request body');
    if (error instanceof IdempotencyAlreadyInProgressError) throw new ApiError('conflict', 'A request with this Idempotency-Key is still in progress');
    throw error;
  }
});
