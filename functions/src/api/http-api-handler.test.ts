/** The Lambda adapter answers API Gateway HTTP API events as `hono/aws-lambda`'s `handle` does. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getConnInfo, handle, type LambdaEvent } from 'hono/aws-lambda';
import { describe, expect, it } from 'vitest';
import { handleHttpApi, httpApiSourceIp, isContentTypeBinary, type HttpApiEvent } from './http-api-handler.ts';
import { textOf } from './text-responses.ts';

function event(options: { method?: string; path: string; query?: string; headers?: Record<string, string>; cookies?: string[]; body?: string; base64?: boolean }): HttpApiEvent {
  return {
    rawPath: options.path,
    rawQueryString: options.query ?? '',
    cookies: options.cookies,
    headers: { host: 'api.example', ...options.headers },
    body: options.body,
    isBase64Encoded: options.base64 ?? false,
    requestContext: { domainName: 'api.example', http: { method: options.method ?? 'GET' } },
  };
}

const app = new Hono()
  .use('*', bodyLimit({ maxSize: 1024 }))
  .get('/echo', (c) =>
    c.json({
      url: c.req.url,
      path: c.req.path,
      query: c.req.query('q'),
      method: c.req.method,
      cookie: c.req.header('cookie') ?? null,
      name: c.req.header('x-name') ?? null,
      isRequest: c.req.raw instanceof Request,
      signal: c.req.raw.signal instanceof AbortSignal,
      body: null,
    }),
  )
  .get('/read-body', async (c) => c.json({ text: await c.req.text() }))
  .post('/echo', async (c) => c.json({ received: await c.req.json(), length: c.req.header('content-length') }, 201))
  .delete('/thing', (c) => c.body(null, 204))
  .get('/cookies', (c) => {
    c.header('set-cookie', 'a=1; Path=/', { append: true });
    c.header('set-cookie', 'b=2; Path=/', { append: true });
    return c.text('set');
  })
  .get('/binary', (c) => c.body(new Uint8Array([0, 1, 2, 255]), 200, { 'content-type': 'application/zip' }))
  .get('/address', (c) => c.json({ ours: httpApiSourceIp(c.env), hono: getConnInfo(c).remote.address }))
  .get('/gzipped', (c) => c.body('not really gzip', 200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }));

const ours = handleHttpApi(app);
const hono = handle(app);
const both = async (e: HttpApiEvent) => [await ours(e), await hono(e as unknown as LambdaEvent)] as const;

describe('handleHttpApi', () => {
  it('gives a read its address, query, headers and cookies, and a Request that builds the rest on demand', async () => {
    const [mine, theirs] = await both(event({ path: '/echo', query: 'q=one%20two', headers: { 'x-name': 'Zoë' }, cookies: ['a=1', 'b=2'] }));
    expect(mine).toEqual(theirs);
    expect(JSON.parse(mine.body)).toEqual({ url: 'https://api.example/echo?q=one%20two', path: '/echo', query: 'one two', method: 'GET', cookie: 'a=1; b=2', name: 'Zo%C3%AB', isRequest: true, signal: true, body: null });
  });

  it('reads the address as a Request would: dot segments resolved, characters escaped', async () => {
    const [mine, theirs] = await both(event({ path: '/nothing/../echo', query: 'q=a b' }));
    expect(mine).toEqual(theirs);
    expect(JSON.parse(mine.body)).toMatchObject({ url: 'https://api.example/echo?q=a%20b', path: '/echo', query: 'a b' });
  });

  it('reads an empty body from a request without one', async () => {
    const [mine, theirs] = await both(event({ path: '/read-body' }));
    expect(mine).toEqual(theirs);
    expect(JSON.parse(mine.body)).toEqual({ text: '' });
  });

  it('passes a body on, plain or base64, with its length', async () => {
    for (const e of [event({ method: 'POST', path: '/echo', body: '{"a":"é"}' }), event({ method: 'POST', path: '/echo', body: Buffer.from('{"a":"é"}').toString('base64'), base64: true })]) {
      const [mine, theirs] = await both(e);
      expect(mine).toEqual(theirs);
      expect(mine.statusCode).toBe(201);
      expect(JSON.parse(mine.body)).toEqual({ received: { a: 'é' }, length: '10' });
    }
  });

  it('refuses a body over the limit as the app says', async () => {
    const [mine, theirs] = await both(event({ method: 'POST', path: '/echo', body: JSON.stringify({ a: 'x'.repeat(2000) }) }));
    expect(mine).toEqual(theirs);
    expect(mine.statusCode).toBe(413);
  });

  it('answers a bodiless DELETE through the body limit', async () => {
    const [mine, theirs] = await both(event({ method: 'DELETE', path: '/thing' }));
    expect(mine).toEqual(theirs);
    expect(mine.statusCode).toBe(204);
  });

  it('returns each cookie apart from the headers', async () => {
    const [mine, theirs] = await both(event({ path: '/cookies' }));
    expect(mine).toEqual(theirs);
    expect(mine.cookies).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(mine.headers['set-cookie']).toBeUndefined();
  });

  it('sends binary types and encoded bodies as base64', async () => {
    for (const path of ['/binary', '/gzipped']) {
      const [mine, theirs] = await both(event({ path }));
      expect(mine).toEqual(theirs);
      expect(mine.isBase64Encoded).toBe(true);
    }
    expect(Buffer.from((await ours(event({ path: '/binary' }))).body, 'base64')).toEqual(Buffer.from([0, 1, 2, 255]));
  });

  it('answers an address that makes no request with 400', async () => {
    const [mine, theirs] = await both({ ...event({ path: '/echo' }), requestContext: { domainName: 'bad host', http: { method: 'GET' } } });
    expect(mine).toEqual(theirs);
    expect(mine.statusCode).toBe(400);
  });

  it('reads the caller’s address as hono’s getConnInfo does', async () => {
    const e = event({ path: '/address' });
    const withAddress = { ...e, requestContext: { ...e.requestContext, http: { method: 'GET', sourceIp: '192.0.2.7' } } };
    expect(JSON.parse((await ours(withAddress)).body)).toEqual({ ours: '192.0.2.7', hono: '192.0.2.7' });
  });

  it('takes the binary types hono takes', () => {
    const binary = ['application/zip', 'image/png', 'application/pdf', 'application/vnd.apple.installer+xml', 'application/octet-stream'];
    const text = ['application/json', 'application/problem+json; charset=utf-8', 'text/html; charset=UTF-8', 'text/csv', 'application/xml', 'text/plain'];
    expect([...binary, ...text].map(isContentTypeBinary)).toEqual([...binary.map(() => true), ...text.map(() => false)]);
  });

  it('hands back the string the route answered with, without reading the response', async () => {
    const seen: Response[] = [];
    const answering = new Hono().get('/text', (c) => {
      const response = c.json({ ok: 'yes' });
      seen.push(response);
      return response;
    });
    const result = await handleHttpApi(answering)(event({ path: '/text' }));
    expect(result.body).toBe('{"ok":"yes"}');
    expect(textOf(seen[0]!)).toBe('{"ok":"yes"}');
    expect(seen[0]!.bodyUsed).toBe(false);
  });
});
