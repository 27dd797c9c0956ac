/** Responses that keep the string they were made from answer as Node's own do. */
import { describe, expect, it } from 'vitest';
import { lightResponse, notingResponse, textOf } from './text-responses.ts';

// Made over Node's own Response here, without putting either in place of the global one.
const Light = lightResponse(Response);

describe('lightResponse', () => {
  it('keeps the string, and answers status, headers and the body as a real Response would', async () => {
    const response = new Light('{"a":1}', { status: 201, headers: { 'content-type': 'application/json', etag: '"3"' } });
    expect(textOf(response)).toBe('{"a":1}');
    expect([response.status, response.ok, response.headers.get('etag')]).toEqual([201, true, '"3"']);
    response.headers.set('x-request-id', 'r1');
    expect(response instanceof Response).toBe(true);
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ a: 1 });
    expect(response.bodyUsed).toBe(true);
    // Headers set before the real response was built are its headers.
    expect(Object.fromEntries(response.headers)).toEqual({ 'content-type': 'application/json', etag: '"3"', 'x-request-id': 'r1' });
  });

  it('says text/plain for a string without a type, as Node does', async () => {
    const light = new Light('hello');
    const real = new Response('hello');
    expect([light.status, light.headers.get('content-type'), await light.text()]).toEqual([real.status, real.headers.get('content-type'), 'hello']);
  });

  it('makes a real Response for anything else, so Node makes its own checks', async () => {
    const bytes = new Light(new Uint8Array([1, 2]), { status: 200 });
    expect(textOf(bytes)).toBeUndefined();
    expect(new Uint8Array(await bytes.arrayBuffer())).toEqual(new Uint8Array([1, 2]));
    expect(new Light(null, { status: 204 }).status).toBe(204);
    expect(new Light('x', { statusText: 'Fine' }).statusText).toBe('Fine');
    expect(() => new Light('body', { status: 204 })).toThrow(TypeError);
    expect(() => new Light('body', { status: 99 })).toThrow(RangeError);
    expect(() => new Light('body', { headers: { 'bad header': 'x' } })).toThrow(TypeError);
  });

  it('keeps the static helpers and instanceof for real responses', async () => {
    expect(new Response('x') instanceof Light).toBe(true);
    expect(await Light.json({ b: 2 }).json()).toEqual({ b: 2 });
    expect(Light.redirect('https://example.org/', 302).headers.get('location')).toBe('https://example.org/');
  });
});

describe('notingResponse', () => {
  it('notes the string on a response class that already stands in for Node’s', async () => {
    class StandIn extends Response {}
    const Noting = notingResponse(StandIn);
    const response = new Noting('text', { status: 200 });
    expect(textOf(response)).toBe('text');
    expect(await response.text()).toBe('text');
    expect(new StandIn('y') instanceof Noting).toBe(true);
    expect(textOf(new Noting(new Uint8Array([1])))).toBeUndefined();
  });
});
