/** Specifies that a read is shared within one request only, and made again after a change. */
import { describe, expect, it } from 'vitest';
import { forgetRequestReads, oncePerRequest } from './request-reads.ts';

function counter() {
  let calls = 0;
  return { read: async () => ++calls, calls: () => calls };
}

describe('reads shared within a request', () => {
  it('asks once for the same thing in the same request, and every caller gets the answer', async () => {
    const locals = {};
    const me = counter();
    const [a, b] = await Promise.all([oncePerRequest(locals, 'me', me.read), oncePerRequest(locals, 'me', me.read)]);
    expect([a, b, me.calls()]).toEqual([1, 1, 1]);
  });

  it('never hands one request’s answer to another request', async () => {
    const me = counter();
    await oncePerRequest({}, 'me', me.read);
    expect(await oncePerRequest({}, 'me', me.read)).toBe(2);
  });

  it('keeps different things apart', async () => {
    const locals = {};
    expect(await oncePerRequest(locals, 'settings 403,404', async () => 'handled')).toBe('handled');
    expect(await oncePerRequest(locals, 'settings ', async () => 'plain')).toBe('plain');
  });

  it('asks again after the request has changed something', async () => {
    const locals = {};
    const settings = counter();
    await oncePerRequest(locals, 'settings', settings.read);
    forgetRequestReads(locals);
    expect(await oncePerRequest(locals, 'settings', settings.read)).toBe(2);
  });

  it('shares a failure too, so each caller handles it as it would its own', async () => {
    const locals = {};
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error('not available');
    };
    await expect(oncePerRequest(locals, 'me', failing)).rejects.toThrow('not available');
    await expect(oncePerRequest(locals, 'me', failing)).rejects.toThrow('not available');
    expect(calls).toBe(1);
  });
});
