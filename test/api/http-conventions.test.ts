/**
 * The API's conventions, over HTTP: tokens (401), problem+json that never echoes input,
 * malformed and oversized bodies, bad ids, and idempotent POSTs.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startStack, type TestStack } from '../support/stack.ts';
import { expectJson, expectProblem, jsonInit, nv } from './api-client.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});
afterEach(() => {
  vi.useRealTimers();
});

/**
 * The server answers 413 before reading the body and then closes the connection, so the
 * oversized request gets a socket of its own rather than one the shared pool would reuse.
 */
function postOnOwnConnection(path: string, token: string, body: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const request = httpRequest(`${stack.apiUrl}${path}`, { method: 'POST', agent: false, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode, headers: res.headers as Record<string, string> })));
    });
    // The server may close its side while the body is still being written; the answer has arrived by then.
    request.on('error', (error) => (answered ? undefined : reject(error)));
    request.end(body);
  });
}

const TENANT_ROUTES = ['/v1/cases', '/v1/cases/NV-00001', '/v1/teams', '/v1/teams/assessment', '/v1/users', '/v1/users/nv-qa', '/v1/settings', '/v1/activity', '/v1/dev/outbox'];

describe('access tokens', () => {
  it('answers 401 with WWW-Authenticate on every tenant route when there is no token', async () => {
    for (const path of [...TENANT_ROUTES, '/v1/me']) {
      const response = await stack.api(null, path);
      await expectProblem(response, 401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('answers 401 for a garbage token, another scheme, or a token whose signature was tampered with', async () => {
    const real = await stack.tokenFor(nv('qa'));
    const [header, payload] = real.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const promoted = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    for (const authorization of ['Bearer garbage', 'Bearer a.b.c', `Basic ${Buffer.from('qa:pw').toString('base64')}`, `Bearer ${header}.${promoted}.${real.split('.')[2]}`, `Bearer ${header}.${payload}.`]) {
      await expectProblem(await fetch(`${stack.apiUrl}/v1/settings`, { headers: { authorization } }), 401);
    }
  });

  it('answers 401 for a real token once it has expired', async () => {
    const token = await stack.tokenFor(nv('senior'));
    await expectJson(await fetch(`${stack.apiUrl}/v1/teams`, { headers: { authorization: `Bearer ${token}` } }));
    // Only Date is faked, so sockets and timers still run; the API sees a clock two hours on.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 60 * 60 * 1000 });
    const problem = await expectProblem(await fetch(`${stack.apiUrl}/v1/teams`, { headers: { authorization: `Bearer ${token}` } }), 401);
    expect(problem.detail).toMatch(/expired/);
  });
});

describe('problem responses', () => {
  it('answers 400 for malformed JSON without echoing it', async () => {
    const response = await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', '{"name": "SECRET-VALUE'));
    const text = await response.clone().text();
    const problem = await expectProblem(response, 400);
    expect(problem.type).toBe('/v1/problems/malformed-json');
    expect(text).not.toContain('SECRET');
  });

  it('answers 400, never 500, for JSON that is not an object', async () => {
    for (const body of ['[]', 'null', '"a string"', '42', 'true']) {
      const problem = await expectProblem(await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', body)), 400);
      expect(problem.errors?.[0]?.message).toBe('Expected a JSON object');
    }
  });

  it('answers 400 for wrong types and unknown fields, naming the path but not the value', async () => {
    const response = await stack.api(nv('admin'), '/v1/users', jsonInit('POST', { name: ['SECRET'], email: 'SECRET', role: 7, teamIds: [{ SECRET: 1 }], tenantId: 'SECRET' }));
    const text = await response.clone().text();
    const problem = await expectProblem(response, 400);
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(['email', 'name', 'role', 'teamIds.0', 'tenantId']);
    expect(problem.errors?.find((e) => e.path === 'tenantId')?.message).toBe('Unknown field');
    expect(text).not.toContain('SECRET');
  });

  it('answers 413 for a body over 256 KB and writes nothing', async () => {
    const before = await expectJson<{ items: unknown[] }>(await stack.api(nv('admin'), '/v1/teams'));
    const response = await postOnOwnConnection('/v1/teams', await stack.tokenFor(nv('admin')), JSON.stringify({ name: 'Big', service: 'x'.repeat(300 * 1024) }));
    await expectProblem(response, 413);
    const after = await expectJson<{ items: unknown[] }>(await stack.api(nv('admin'), '/v1/teams'));
    expect(after.items).toHaveLength(before.items.length);
  });

  it('answers 415 for a body that is not JSON', async () => {
    await expectProblem(await stack.api(nv('admin'), '/v1/teams', { method: 'POST', body: 'name=Form', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415);
  });

  it('answers 400 for ids with `#` or other characters keys cannot hold, on every route that takes one', async () => {
    const paths = ['/v1/cases/NV%2300001', '/v1/cases/NV-00001%20', '/v1/users/USER%23nv-qa', '/v1/users/nv%3Aqa', '/v1/teams/TEAM%23assessment', '/v1/teams/%F0%9F%98%80'];
    for (const path of paths) await expectProblem(await stack.api(nv('qa'), path), 400);
    for (const path of ['/v1/cases/NV%2300001', '/v1/users/USER%23nv-qa', '/v1/teams/TEAM%23assessment']) {
      await expectProblem(await stack.api(nv('admin'), path, jsonInit('PATCH', { name: 'x' }, { 'if-match': '"1"' })), 400);
    }
  });

  it('answers 404 problem+json for an address that does not exist', async () => {
    await expectProblem(await stack.api(nv('qa'), '/v1/nothing-here'), 404);
  });
});

describe('response headers', () => {
  it('carries the request id sent (or a new one) and nosniff on answers and problems alike', async () => {
    const read = await stack.api(nv('qa'), '/v1/cases/NV-00001', { headers: { 'x-request-id': 'trace-read-1' } });
    expect(read.status).toBe(200);
    expect(read.headers.get('x-request-id')).toBe('trace-read-1');
    expect(read.headers.get('x-content-type-options')).toBe('nosniff');
    const missing = await stack.api(nv('qa'), '/v1/cases/NV-99999', { headers: { 'x-request-id': 'trace-missing-1' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-request-id')).toBe('trace-missing-1');
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
    const unsigned = await stack.api(null, '/v1/cases');
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(unsigned.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response to a retried POST and creates one item', async () => {
    const init = () => jsonInit('POST', { name: 'Idempotent team' }, { 'idempotency-key': 'retry-key-0001' });
    const first = await stack.api(nv('admin'), '/v1/teams', init());
    const created = await expectJson<{ id: string }>(first, 201);
    const second = await stack.api(nv('admin'), '/v1/teams', init());
    expect(await expectJson<{ id: string }>(second, 201)).toEqual(created);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    const { items } = await expectJson<{ items: { name: string }[] }>(await stack.api(nv('qa'), '/v1/teams'));
    expect(items.filter((t) => t.name === 'Idempotent team')).toHaveLength(1);
    const activity = await expectJson<{ items: { entityId: string }[] }>(await stack.api(nv('qa'), '/v1/activity?limit=100'));
    expect(activity.items.filter((e) => e.entityId === created.id)).toHaveLength(1);
  });

  it('adds one user and queues one email when the POST is retried', async () => {
    const init = () => jsonInit('POST', { name: 'Retry Person', email: 'retry.person@northvale.example', role: 'qa' }, { 'idempotency-key': 'retry-key-0002' });
    const first = await expectJson<{ id: string }>(await stack.api(nv('admin'), '/v1/users', init()), 201);
    expect(await expectJson<{ id: string }>(await stack.api(nv('admin'), '/v1/users', init()), 201)).toEqual(first);
    const outbox = await expectJson<{ items: { to: string }[] }>(await stack.api(nv('admin'), '/v1/dev/outbox?limit=100'));
    expect(outbox.items.filter((m) => m.to === 'retry.person@northvale.example')).toHaveLength(1);
  });

  it('answers 422 when the same key comes with a different body, creating nothing', async () => {
    await expectJson(await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', { name: 'Keyed once' }, { 'idempotency-key': 'retry-key-0003' })), 201);
    await expectProblem(await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', { name: 'Keyed twice' }, { 'idempotency-key': 'retry-key-0003' })), 422);
    const { items } = await expectJson<{ items: { name: string }[] }>(await stack.api(nv('qa'), '/v1/teams'));
    expect(items.some((t) => t.name === 'Keyed twice')).toBe(false);
  });

  it('does not remember failures, so a corrected retry with the same key succeeds', async () => {
    await expectProblem(await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', { name: '' }, { 'idempotency-key': 'retry-key-0004' })), 400);
    await expectProblem(await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', { name: '' }, { 'idempotency-key': 'retry-key-0004' })), 400);
  });

  it('answers 400 for a key that is too short or has odd characters', async () => {
    for (const key of ['short', 'has spaces in it', 'semi;colon;key']) {
      await expectProblem(await stack.api(nv('admin'), '/v1/teams', jsonInit('POST', { name: 'x' }, { 'idempotency-key': key })), 400);
    }
  });
});
