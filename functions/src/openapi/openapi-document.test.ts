import { describe, expect, it } from 'vitest';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createApp } from '../api/app.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import { buildOpenApiDocument, errorStatuses, operationId, ROUTE_DOCS } from './openapi-document.ts';

const app = createApp({
  tableName: 'unused',
  platformClient: {} as DynamoDBDocumentClient,
  dataClientFor: () => ({}) as DynamoDBDocumentClient,
  objects: {} as ObjectStore,
  verifyAccessToken: () => Promise.reject(new Error('unused')),
  accounts: { signInAdvice: '', create: () => Promise.reject(new Error('unused')), update: () => Promise.reject(new Error('unused')), resendInvitation: () => Promise.reject(new Error('unused')), remove: () => Promise.reject(new Error('unused')) },
  portalUrl: 'https://waypoint.example',
  devOutbox: false,
});

/** Every `$ref` anywhere in a value. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => (key === '$ref' && typeof v === 'string' ? [v] : refsIn(v)));
}

describe('the OpenAPI document', () => {
  it('describes exactly the routes the app serves, so the two cannot drift apart', () => {
    const served = app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${r.path.replace(/\/$/, '').replace(/:(\w+)/g, '{$1}')}`);
    const documented = ROUTE_DOCS.map((d) => `${d.method} ${d.path}`);
    expect([...new Set(served)].sort()).toEqual([...documented].sort());
  });

  it('is OpenAPI 3.1 with unique operation ids and every reference resolving', () => {
    const doc = buildOpenApiDocument();
    expect(doc.openapi).toBe('3.1.0');
    const ids = ROUTE_DOCS.map(operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const ref of refsIn(doc)) {
      const [, section, name] = /^#\/components\/(\w+)\/(\w+)$/.exec(ref) ?? [];
      expect((doc.components as Record<string, Record<string, unknown>>)[section!]?.[name!], ref).toBeDefined();
    }
  });

  it('takes request bodies from the strict schemas the handlers validate with', () => {
    const doc = buildOpenApiDocument();
    const body = doc.paths['/v1/users']!.post as { requestBody: { content: { 'application/json': { schema: { additionalProperties: boolean; required: string[] } } } } };
    expect(body.requestBody.content['application/json'].schema).toMatchObject({ additionalProperties: false, required: ['name', 'email', 'role'] });
  });

  it('derives the failures a route can answer from what it takes and who may call it', () => {
    const patchUser = ROUTE_DOCS.find((d) => d.method === 'patch' && d.path === '/v1/users/{id}')!;
    expect(errorStatuses(patchUser)).toEqual([400, 401, 403, 404, 409, 412, 413, 415, 428, 500]);
    const health = ROUTE_DOCS.find((d) => d.path === '/v1/health')!;
    expect(errorStatuses(health)).toEqual([500, 503]);
  });
});
