/**
 * The one validation-error formatter, and the readers that turn request JSON and query
 * strings into typed values through valibot schemas. Messages never echo rejected values,
 * and what they do name (field paths) is cut short, so no answer grows with hostile input.
 */
import * as v from 'valibot';
import type { Context } from 'hono';
import { ApiError, type FieldError } from './api-error.ts';
import { arraysInPlaceOfObjects, describeExpected } from './schema-hints.ts';

/** Bodies larger than this are refused with 413 before they are parsed. */
export const MAX_BODY_BYTES = 256 * 1024;
/** No body nests deeper than this; DynamoDB stores at most 32 levels, and nothing legitimate needs more than a handful. */
export const MAX_JSON_DEPTH = 16;
/** At most this many problems are listed; the count in the detail says how many there were. */
const MAX_LISTED_ERRORS = 20;
const MAX_PATH_SEGMENT = 64;

type AnySchema = v.GenericSchema<unknown, unknown>;

function isMissing(issue: v.BaseIssue<unknown>): boolean {
  return (issue.type === 'object' || issue.type === 'strict_object' || issue.type === 'loose_object') && issue.input === undefined && (issue.path?.length ?? 0) > 0;
}

function describeIssue(issue: v.BaseIssue<unknown>, root: AnySchema): string {
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'Unknown field';
  if (isMissing(issue)) {
    const hint = describeExpected(
      root,
      issue.path!.map((item) => item.key),
    );
    return hint ? `Required: ${hint}` : 'Required';
  }
  if (issue.type === 'object' || issue.type === 'strict_object') return 'Expected a JSON object';
  // Messages written in our schemas are safe to show; valibot's defaults end with "but received <value>".
  if (!issue.message.includes('but received')) return issue.message;
  if (issue.type === 'picklist' && issue.kind === 'schema') {
    const hint = describeExpected(root, issue.path?.map((item) => item.key) ?? []);
    if (hint) return hint.charAt(0).toUpperCase() + hint.slice(1);
  }
  if (issue.kind === 'schema') return `Expected ${issue.expected ?? issue.type}`;
  return `Must be ${issue.expected ?? 'valid'}`;
}

/** Field names can come from the request (an unknown key), so each is cut to a bounded length. */
function pathText(keys: readonly unknown[]): string {
  return keys.map((key) => (String(key).length > MAX_PATH_SEGMENT ? `${String(key).slice(0, MAX_PATH_SEGMENT)}…` : String(key))).join('.') || '(body)';
}

export function fieldErrors(issues: readonly v.BaseIssue<unknown>[], root: AnySchema): FieldError[] {
  return issues.map((issue) => ({ path: pathText(issue.path?.map((item) => item.key) ?? []), message: describeIssue(issue, root) }));
}

function validationProblem(what: string, errors: FieldError[]): ApiError {
  const listed = errors.slice(0, MAX_LISTED_ERRORS);
  const missing = listed.filter((error) => error.message.startsWith('Required')).map((error) => error.path);
  const count = `${errors.length} problem${errors.length === 1 ? '' : 's'}`;
  const detail = missing.length && what === 'query' ? `The query has ${count}: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing` : `The ${what} has ${count}`;
  return new ApiError('validation', detail, { errors: listed });
}

export function parseWith<S extends AnySchema>(schema: S, input: unknown, what: string): v.InferOutput<S> {
  const arrays = arraysInPlaceOfObjects(schema, input);
  if (arrays.length)
    throw validationProblem(
      what,
      arrays.map((path) => ({ path: pathText(path), message: 'Expected a JSON object' })),
    );
  return parseChecked(schema, input, what);
}

/** `parseWith` for input that can hold no array: a query's names and values are all strings. */
function parseChecked<S extends AnySchema>(schema: S, input: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return result.output;
  throw validationProblem(what, fieldErrors(result.issues, schema));
}

/**
 * What JSON.parse lets through but no schema should see: nesting deeper than any body
 * needs, and numbers too large to store exactly (`1e400` even parses as Infinity).
 */
function shapeErrors(json: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const stack: { value: unknown; path: string[] }[] = [{ value: json, path: [] }];
  while (stack.length && errors.length < MAX_LISTED_ERRORS) {
    const { value, path } = stack.pop()!;
    const where = pathText(path);
    if (typeof value === 'number' && !Number.isSafeInteger(Math.trunc(value))) {
      errors.push({ path: where, message: `Use a number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}` });
    } else if (value !== null && typeof value === 'object') {
      if (path.length >= MAX_JSON_DEPTH) {
        errors.push({ path: where, message: `Nested too deeply; a body has at most ${MAX_JSON_DEPTH} levels` });
        continue;
      }
      for (const [key, child] of Object.entries(value)) stack.push({ value: child, path: [...path, key] });
    }
  }
  return errors;
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
  // Every body is an object. valibot's object schemas take an array for one (it is an
  // object to JavaScript), so `[]` would otherwise pass as an empty change.
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw validationProblem('request body', [{ path: '(body)', message: 'Expected a JSON object' }]);
  }
  const shape = shapeErrors(json);
  if (shape.length) throw validationProblem('request body', shape);
  return parseWith(schema, json, 'request body');
}

export function readQuery<S extends AnySchema>(c: Context, schema: S): v.InferOutput<S> {
  // A parameter given twice is ambiguous (which one wins differs between servers and caches), so it is refused.
  // The query is read once: each name's values, whose only one is the parameter's value (in an
  // object without a prototype, as hono's own, so a `__proto__` parameter is just a name).
  const query: Record<string, string> = Object.create(null);
  const repeated: string[] = [];
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (values.length > 1) repeated.push(name);
    query[name] = values[0]!;
  }
  if (repeated.length) {
    throw validationProblem(
      'query',
      repeated.map((name) => ({ path: pathText([name]), message: 'Give this parameter once' })),
    );
  }
  return parseChecked(schema, query, 'query');
}

/** Path parameters are checked before any key is built, so `#` and friends never reach DynamoDB. */
export function readParam<S extends AnySchema>(c: Context, name: string, schema: S): v.InferOutput<S> {
  const parsed = parseWith(paramSchema(name, schema), { [name]: c.req.param(name) }, 'address') as Record<string, v.InferOutput<S>>;
  return parsed[name] as v.InferOutput<S>;
}

/** One object schema per parameter, made on its first use rather than on every request. */
const paramSchemas = new WeakMap<AnySchema, Map<string, v.ObjectSchema<Record<string, AnySchema>, undefined>>>();
function paramSchema(name: string, schema: AnySchema): v.ObjectSchema<Record<string, AnySchema>, undefined> {
  let byName = paramSchemas.get(schema);
  if (!byName) paramSchemas.set(schema, (byName = new Map()));
  let made = byName.get(name);
  if (!made) byName.set(name, (made = v.object({ [name]: schema })));
  return made;
}
