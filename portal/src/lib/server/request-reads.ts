/**
 * Reads shared by the loads of one request: the staff layout and a page both want the caller
 * (/v1/me) and the authority's settings, and SvelteKit runs their loads side by side, so the
 * second asks for the promise the first already made. Keyed by the request's own `locals`
 * (one object per request), so nothing is shared between requests or users; forgotten when the
 * request changes anything (a form action, then the page's load), so a page never shows what
 * was there before its own change.
 */
const reads = new WeakMap<object, Map<string, Promise<unknown>>>();

/** The read already made for `key` in this request, or `read()` made now and kept for the rest of it. */
export function oncePerRequest<T>(locals: object, key: string, read: () => Promise<T>): Promise<T> {
  let made = reads.get(locals);
  if (!made) reads.set(locals, (made = new Map()));
  let found = made.get(key) as Promise<T> | undefined;
  if (!found) made.set(key, (found = read()));
  return found;
}

/** Called before a request changes something: its later reads go to the API again. */
export function forgetRequestReads(locals: object): void {
  reads.delete(locals);
}
