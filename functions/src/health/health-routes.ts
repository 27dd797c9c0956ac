/** `/v1/health`: is the API up and can it reach its database? */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { Hono } from 'hono';
import type { AppEnv } from '../api/app-env.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { logger } from '../platform/logging/logger.ts';

export const healthRoutes = new Hono<AppEnv>();

healthRoutes.get('/', async (c) => {
  const { deps } = c.var;
  try {
    await deps.platformClient.send(new DescribeTableCommand({ TableName: deps.tableName }), { abortSignal: AbortSignal.timeout(2000) });
  } catch (error) {
    logger.warn('health check: database unreachable', { error: error instanceof Error ? error.name : 'unknown' });
    throw new ApiError('unavailable', 'The database cannot be reached');
  }
  c.header('cache-control', 'no-store');
  return c.json({ status: 'ok' });
});
