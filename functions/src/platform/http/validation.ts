/**
 * The one validation-error formatter, and the readers that turn request JSON and query
 * strings into typed values through valibot schemas. Messages never echo rejected values.
 */
import * as v from 'valibot';
import type { Context } from 'hono';
import { ApiError, type FieldError } from './api-error.ts';

/** Bodies larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 256 * 1024;

type AnySchema = v.GenericSchema<unknown, unknown>;

function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'Unknown field';
  if (issue.type === 'object' || issue.type === 'strict_object') return 'Expected a JSON object';
  // Messages written in our schemas are safe to show; valibot's defaults end with "but received <value>".
  if (!issue.message.includes('but received')) return issue.message;
  if (issue.kind === 'schema') return `Expected ${issue.expected ?? issue.type}`;
  return `Must be ${issue.expected ?? 'valid'}`;
}

export function fieldErrors(issues: readonly v.BaseIssue<unknown>[]): FieldError[] {
  return issues.map((issue) => ({
    path: issue.path?.map((item) => String(item.key)).join('.') || '(body)',
    message: describeIssue(issue),
  }));
}

export function parseWith<S extends AnySchema>(schema: S, input: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return result.output;
  const errors = fieldErrors(result.issues);
  throw new ApiError('validation', `The ${what} has ${errors.length} problem${errors.length === 1 ? '' : 's'}`, { errors });
}

export async function readJsonBody<S extends AnySchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new ApiError('unsupported-media-type', 'Send the body as application/json');
  }
  const text = await c.req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new ApiError('payload-too-large', 'The body must be at most 256 KB');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError('malformed-json', 'The body could not be read as JSON');
  }
  return parseWith(schema, json, 'request body');
}

export function readQuery<S extends AnySchema>(c: Context, schema: S): v.InferOutput<S> {
  return parseWith(schema, c.req.query(), 'query');
}

/** Path parameters are checked before any key is built, so `#` and friends never reach DynamoDB. */
export function readParam<S extends AnySchema>(c: Context, name: string, schema: S): v.InferOutput<S> {
  return parseWith(v.object({ [name]: schema }), { [name]: c.req.param(name) }, 'address')[name] as v.InferOutput<S>;
}
