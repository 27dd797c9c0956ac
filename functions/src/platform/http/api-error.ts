/**
 * The one error type of the API. Every failure a client can cause becomes an ApiError,
 * rendered as application/problem+json (RFC 9457) by `problemResponse`.
 */

export interface FieldError {
  /** Dotted path into the request, e.g. `answers.3.grade`; never the rejected value. */
  path: string;
  message: string;
}

export type ProblemKind =
  | 'validation'
  | 'malformed-json'
  | 'payload-too-large'
  | 'unauthenticated'
  | 'session-revoked'
  | 'forbidden'
  | 'tenant-suspended'
  | 'not-found'
  | 'gone'
  | 'conflict'
  | 'precondition-failed'
  | 'precondition-required'
  | 'unsupported-media-type'
  | 'idempotency-conflict'
  | 'too-many-requests'
  | 'unavailable'
  | 'internal';

const STATUS: Record<ProblemKind, number> = {
  validation: 400,
  'malformed-json': 400,
  'payload-too-large': 413,
  unauthenticated: 401,
  'session-revoked': 401,
  forbidden: 403,
  'tenant-suspended': 403,
  'not-found': 404,
  gone: 410,
  conflict: 409,
  'precondition-failed': 412,
  'precondition-required': 428,
  'unsupported-media-type': 415,
  'idempotency-conflict': 422,
  'too-many-requests': 429,
  unavailable: 503,
  internal: 500,
};

const TITLE: Record<ProblemKind, string> = {
  validation: 'The request is not valid',
  'malformed-json': 'The request body is not valid JSON',
  'payload-too-large': 'The request body is too large',
  unauthenticated: 'Sign-in required',
  'session-revoked': 'Your session has ended',
  forbidden: 'Not allowed',
  'tenant-suspended': 'This service is paused',
  'not-found': 'Not found',
  gone: 'No longer available',
  conflict: 'Conflict',
  'precondition-failed': 'The resource has changed',
  'precondition-required': 'If-Match header required',
  'unsupported-media-type': 'Unsupported media type',
  'idempotency-conflict': 'Idempotency key reused',
  'too-many-requests': 'Too many requests',
  unavailable: 'Service unavailable',
  internal: 'Something went wrong',
};

export class ApiError extends Error {
  readonly kind: ProblemKind;
  readonly status: number;
  readonly errors: FieldError[] | undefined;
  /** A machine-readable cause within the kind (e.g. `code-expired`), for clients that show a page per cause. */
  readonly reason: string | undefined;
  /** For a 429: whole seconds until trying again can succeed, sent as `Retry-After`. */
  readonly retryAfterSeconds: number | undefined;

  constructor(kind: ProblemKind, detail: string, options?: ErrorOptions & { errors?: FieldError[]; reason?: string; retryAfterSeconds?: number }) {
    super(detail, options);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = STATUS[kind];
    this.errors = options?.errors;
    this.reason = options?.reason;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }

  get title(): string {
    return TITLE[this.kind];
  }
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Longer addresses are left out of `instance`: a problem never echoes unbounded input. */
export const MAX_INSTANCE_LENGTH = 200;

export function problemBody(error: ApiError, instance?: string) {
  return {
    type: `/v1/problems/${error.kind}`,
    title: error.title,
    status: error.status,
    detail: error.message,
    ...(instance && instance.length <= MAX_INSTANCE_LENGTH ? { instance } : {}),
    ...(error.errors ? { errors: error.errors } : {}),
    ...(error.reason ? { reason: error.reason } : {}),
  };
}

export function problemResponse(error: ApiError, instance?: string): Response {
  const headers: Record<string, string> = { 'content-type': PROBLEM_CONTENT_TYPE };
  if (error.status === 401) headers['www-authenticate'] = 'Bearer';
  if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds);
  return new Response(JSON.stringify(problemBody(error, instance)), { status: error.status, headers });
}

export const notFound = (what = 'resource') => new ApiError('not-found', `No such ${what}`);
export const forbidden = (detail = 'Your role does not allow this') => new ApiError('forbidden', detail);
