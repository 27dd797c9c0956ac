/**
 * Responses made from a string keep that string, so the Lambda adapter hands API Gateway the
 * text the route wrote instead of reading it back out of the Response's body stream. On Node a
 * web Response builds a ReadableStream for its body when made, and reading it back means a
 * reader, its promises and a UTF-8 encode and decode: for a case GET that was about a fifth of
 * the adapter's and app's CPU (test/bench/profile-reads.ts).
 *
 * Hono makes every response with the global `Response`, so the adapter puts one of these in its
 * place on its first request (not at cold start: touching `Response` loads Node's fetch):
 * - where `Response` is Node's own (in Lambda), a response made from a string and a plain status
 *   and headers is a light object that answers `status`, `ok` and `headers` itself and builds the
 *   real Response only if anything else is asked of it; anything else is a real Response at once,
 *   so every check Node makes (statuses, headers, bodies) is still made;
 * - where something has already replaced it (`@hono/node-server` does on one machine, with
 *   light responses of its own that its server writes out without a stream), a subclass of that
 *   which notes the string, so the local server keeps its own fast path.
 */

const madeFrom = new WeakMap<object, string>();

/** The string a response was made from, when it was made from one since `keepResponseText`. */
export function textOf(response: Response): string | undefined {
  return madeFrom.get(response);
}

/** Statuses a body may go with, as Node checks them (a 204, 205 or 304 with a body is refused). */
const isPlainStatus = (status: unknown) => status === undefined || (typeof status === 'number' && Number.isInteger(status) && status >= 200 && status <= 599 && status !== 204 && status !== 205 && status !== 304);

/**
 * Gives `prototype` every getter and method of `native` (a web class's prototype) other than
 * the constructor and `own`, each answered by the real object `this[full]()` builds: for objects
 * that answer a few members themselves and build the real one only when asked for more.
 */
export function forwardToFull(prototype: object, native: object, full: symbol, own: string[]): void {
  for (const [name, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(native))) {
    if (name === 'constructor' || own.includes(name)) continue;
    const real = (self: object) => (self as Record<symbol, () => Record<string, unknown>>)[full]!();
    if (descriptor.get) {
      Object.defineProperty(prototype, name, {
        get() {
          return real(this)[name];
        },
      });
    } else if (typeof descriptor.value === 'function') {
      Object.defineProperty(prototype, name, {
        value(...args: unknown[]) {
          return (real(this)[name] as (...a: unknown[]) => unknown)(...args);
        },
      });
    }
  }
}

const FULL = Symbol('full response');

export function lightResponse(Native: typeof Response): typeof Response {
  class LightResponse {
    readonly #text!: string;
    readonly #status!: number;
    readonly #headers!: Headers;
    #full: Response | undefined;

    constructor(body?: BodyInit | null, init?: ResponseInit) {
      if (typeof body !== 'string' || (init !== undefined && (init === null || init instanceof Native || init.statusText !== undefined || !isPlainStatus(init.status)))) {
        return new Native(body, init) as unknown as LightResponse;
      }
      this.#text = body;
      this.#status = init?.status ?? 200;
      this.#headers = new Headers(init?.headers);
      if (!this.#headers.has('content-type')) this.#headers.set('content-type', 'text/plain;charset=UTF-8');
      madeFrom.set(this, body);
    }

    get status(): number {
      return this.#status;
    }

    get ok(): boolean {
      return this.#status >= 200 && this.#status < 300;
    }

    /** The response's own until the real one is built, then the real one's. */
    get headers(): Headers {
      return this.#full?.headers ?? this.#headers;
    }

    [FULL](): Response {
      return (this.#full ??= new Native(this.#text, { status: this.#status, headers: this.#headers }));
    }
  }
  const prototype = LightResponse.prototype;
  forwardToFull(prototype, Native.prototype, FULL, ['status', 'ok', 'headers']);
  Object.setPrototypeOf(prototype, Native.prototype);
  // Response.json, Response.redirect and Response.error, and `instanceof Response` for every response, real or light.
  Object.setPrototypeOf(LightResponse, Native);
  Object.defineProperty(LightResponse, Symbol.hasInstance, { value: (value: unknown) => value instanceof Native });
  return LightResponse as unknown as typeof Response;
}

export function notingResponse(Current: typeof Response): typeof Response {
  return class extends Current {
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof Current;
    }

    constructor(body?: BodyInit | null, init?: ResponseInit) {
      super(body, init);
      if (typeof body === 'string') madeFrom.set(this, body);
    }
  };
}

let kept = false;

/** Puts a `Response` that keeps the string it was made from in place of the global one, once. */
export function keepResponseText(): void {
  if (kept) return;
  kept = true;
  const Current = globalThis.Response;
  // Node's own class has no parent; one that extends or stands in for it (node-server's) has.
  const replacement = Object.getPrototypeOf(Current) === Function.prototype ? lightResponse(Current) : notingResponse(Current);
  Object.defineProperty(globalThis, 'Response', { value: replacement, writable: true, configurable: true });
}
