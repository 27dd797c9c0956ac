/**
 * The API's Lambdas' adapter from an API Gateway HTTP API event (payload format 2.0, which
 * every API function's integration uses) to the Hono app, in place of `hono/aws-lambda`'s
 * `handle`, whose request and result it follows: the same URL, method, headers, cookies and
 * body in; status, headers, cookies and a body (base64 for binary types and encodings) out, and
 * the same `env` (event, requestContext, lambdaContext) for `getConnInfo`.
 *
 * What differs: a request without a body (every read) gets a web Request whose URL, method and
 * headers are plain values, and the full Request (its body stream, abort signal and the rest) is
 * built only if something asks for it, which no read does. On Node 20 building each Request cost
 * about a fifth of the adapter's and app's CPU for a case GET (32 of 135 µs of the main thread,
 * test/bench/reads-only.ts's handler figures). A request with a body gets a full Request at once,
 * exactly as before: body limits and parsers read it anyway.
 */
import type { LambdaContext } from 'hono/aws-lambda';
import { forwardToFull, keepResponseText, textOf } from './text-responses.ts';

/** The parts of an HTTP API (2.0) event the adapter reads; the rest passes to the app untouched. */
export interface HttpApiEvent {
  rawPath: string;
  rawQueryString?: string;
  cookies?: string[];
  headers?: Record<string, string | undefined>;
  body?: string | null;
  isBase64Encoded?: boolean;
  requestContext: { domainName?: string; http: { method: string; [field: string]: unknown }; [field: string]: unknown };
  [field: string]: unknown;
}

export interface HttpApiResult {
  statusCode: number;
  headers: Record<string, string>;
  cookies?: string[];
  body: string;
  isBase64Encoded: boolean;
}

interface FetchApp {
  fetch(request: Request, env: unknown): Response | Promise<Response>;
}

const FULL = Symbol('full request');
type BodilessRequest = Request & { [FULL](): Request };

/**
 * Every member of Request other than url, method and headers, answered by the full Request,
 * made on first use. Made on the first request rather than when the module loads: Node loads
 * its fetch implementation the first time anything touches `Request`, and a cold start need not
 * pay for that before the handler is ready.
 */
let bodilessPrototype: object | undefined;
function makeBodilessPrototype(): object {
  const prototype: object = Object.create(Request.prototype);
  forwardToFull(prototype, Request.prototype, FULL, ['url', 'method', 'headers']);
  return prototype;
}

function bodilessRequest(url: string, method: string, headers: Headers): Request {
  let full: Request | undefined;
  const request = Object.create((bodilessPrototype ??= makeBodilessPrototype())) as BodilessRequest;
  Object.defineProperties(request, {
    url: { value: url, enumerable: true },
    method: { value: method, enumerable: true },
    headers: { value: headers, enumerable: true },
    [FULL]: { value: () => (full ??= new Request(url, { method, headers })) },
  });
  return request;
}

/** Header values outside ASCII are percent-encoded, as `hono/aws-lambda` does (a Headers object refuses them). */
// eslint-disable-next-line no-control-regex -- the test is for anything outside ASCII, as hono's
const sanitized = (value: string) => (/[^\x00-\x7F]/.test(value) ? encodeURIComponent(value) : value);

export function requestFromEvent(event: HttpApiEvent): Request {
  const host = event.requestContext.domainName ?? event.headers?.host;
  const url = `https://${host}${event.rawPath}${event.rawQueryString ? `?${event.rawQueryString}` : ''}`;
  const method = event.requestContext.http.method;
  const headers = new Headers();
  if (Array.isArray(event.cookies)) headers.set('cookie', event.cookies.join('; '));
  for (const [name, value] of Object.entries(event.headers ?? {})) if (value) headers.set(name, sanitized(value));
  if (!event.body) {
    // The address as a Request would hold it: parsed and written out again (dot segments
    // resolved, characters escaped), and refused the same way when it is not one.
    return bodilessRequest(new URL(url).href, method, headers);
  }
  const body = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  headers.set('content-length', String(body.length));
  return new Request(url, { method, headers, body });
}

/**
 * hono/aws-lambda's rule for which answers go base64: any type but text, JSON and XML. Written
 * out here because importing it from there bundles hono's whole Lambda adapter (its event
 * processors are made when the module loads), which this file replaces.
 */
export function isContentTypeBinary(contentType: string): boolean {
  if (/^application\/vnd\.(?:apple\.installer|mozilla\.xul)\+xml\s*(?:;|$)/i.test(contentType)) return true;
  return !/^text\/(?:plain|html|css|javascript|csv)|(?:\/|\+)(?:json|xml)\s*(?:;|$)/i.test(contentType);
}

/** The caller's address as API Gateway's HTTP API saw it (what hono/aws-lambda's getConnInfo reads for these events). */
export function httpApiSourceIp(env: unknown): string | undefined {
  return (env as { requestContext?: HttpApiEvent['requestContext'] } | undefined)?.requestContext?.http.sourceIp as string | undefined;
}

export async function resultFromResponse(response: Response): Promise<HttpApiResult> {
  const contentType = response.headers.get('content-type');
  const contentEncoding = response.headers.get('content-encoding');
  const isBase64Encoded = (!!contentType && isContentTypeBinary(contentType)) || (!!contentEncoding && !/^identity$/i.test(contentEncoding));
  // The string the route answered with, when it answered with one (text-responses.ts), else the body read.
  const text = textOf(response);
  const body = isBase64Encoded ? (text === undefined ? Buffer.from(await response.arrayBuffer()) : Buffer.from(text)).toString('base64') : (text ?? (await response.text()));
  const cookies = response.headers.getSetCookie();
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  return { statusCode: response.status, headers, ...(cookies.length > 0 ? { cookies } : {}), body, isBase64Encoded };
}

export function handleHttpApi(app: FetchApp): (event: HttpApiEvent, lambdaContext?: LambdaContext) => Promise<HttpApiResult> {
  return async (event, lambdaContext) => {
    keepResponseText();
    let request: Request;
    try {
      request = requestFromEvent(event);
    } catch (error) {
      // As hono/aws-lambda: an address or header that makes no request is the caller's fault.
      return resultFromResponse(new Response(error instanceof TypeError ? 'Invalid request' : 'Internal Server Error', { status: error instanceof TypeError ? 400 : 500 }));
    }
    const response = await app.fetch(request, { event, requestContext: event.requestContext, lambdaContext });
    return resultFromResponse(response);
  };
}
