/**
 * Reads valibot schemas for the validation readers. `describeExpected` says what a field takes,
 * so a problem about a missing or wrong value can tell the caller what to send ("one of mine,
 * team, case") rather than only that something was wrong; only our own words and the schema's
 * options are used. `arraysInPlaceOfObjects` finds arrays sent where an object belongs.
 */
interface SchemaNode {
  type?: string;
  kind?: string;
  message?: unknown;
  options?: readonly unknown[];
  entries?: Record<string, unknown>;
  wrapped?: unknown;
  pipe?: readonly unknown[];
}

const asNode = (value: unknown): SchemaNode | undefined => (value && typeof value === 'object' ? (value as SchemaNode) : undefined);

/** Looks through optional, nullable and pipe wrappers to the schema that does the checking. */
function unwrap(schema: unknown): { base: SchemaNode | undefined; actions: SchemaNode[] } {
  const actions: SchemaNode[] = [];
  let node = asNode(schema);
  for (let i = 0; node && i < 10; i++) {
    if (node.pipe) {
      actions.push(
        ...node.pipe
          .slice(1)
          .map(asNode)
          .filter((item): item is SchemaNode => !!item),
      );
      node = asNode(node.pipe[0]);
    } else if (node.wrapped) node = asNode(node.wrapped);
    else break;
  }
  return { base: node, actions };
}

function schemaAt(root: unknown, keys: readonly unknown[]): unknown {
  let schema = root;
  for (const key of keys) {
    const { base } = unwrap(schema);
    if (!base?.entries || typeof key !== 'string' || !Object.hasOwn(base.entries, key)) return undefined;
    schema = base.entries[key];
  }
  return schema;
}

/** A short lower-case phrase such as `one of mine, team, case`, or undefined when there is nothing useful to say. */
export function describeExpected(root: unknown, keys: readonly unknown[]): string | undefined {
  const { base, actions } = unwrap(schemaAt(root, keys));
  if (!base) return undefined;
  if (base.type === 'picklist' && base.options) return `one of ${base.options.map(String).join(', ')}`;
  // The first check written with our own words (regex, check) says what a good value looks like.
  const worded = actions.find((action) => action.kind === 'validation' && typeof action.message === 'string');
  if (worded) {
    const text = worded.message as string;
    return text.charAt(0).toLowerCase() + text.slice(1);
  }
  if (base.type === 'string') return 'text';
  if (base.type === 'number') return 'a number';
  if (base.type === 'boolean') return 'true or false';
  if (base.type === 'array') return 'a list';
  if (base.type === 'object' || base.type === 'strict_object') return 'an object';
  return undefined;
}

const OBJECT_TYPES = new Set(['object', 'strict_object', 'loose_object', 'object_with_rest', 'record']);

/**
 * The paths where a JSON array stands in place of an object. valibot's object and record
 * schemas take an array for one (an array is an object to JavaScript), so `{ "translations": [] }`
 * would otherwise pass as an empty object. Walks the input along the schema; unions are left
 * to their options' own checks.
 */
export function arraysInPlaceOfObjects(schema: unknown, input: unknown, path: readonly string[] = []): string[][] {
  const { base } = unwrap(schema);
  if (!base?.type || input === null || typeof input !== 'object') return [];
  const node = base as SchemaNode & { value?: unknown; item?: unknown; items?: readonly unknown[] };
  if (OBJECT_TYPES.has(node.type!)) {
    if (Array.isArray(input)) return [[...path]];
    const record = input as Record<string, unknown>;
    if (node.type === 'record') return Object.entries(record).flatMap(([key, value]) => arraysInPlaceOfObjects(node.value, value, [...path, key]));
    return Object.entries(node.entries ?? {}).flatMap(([key, entry]) => (Object.hasOwn(record, key) ? arraysInPlaceOfObjects(entry, record[key], [...path, key]) : []));
  }
  if (!Array.isArray(input)) return [];
  if (node.type === 'array') return input.flatMap((value, index) => arraysInPlaceOfObjects(node.item, value, [...path, String(index)]));
  if (node.type === 'tuple' || node.type === 'strict_tuple') return input.flatMap((value, index) => arraysInPlaceOfObjects(node.items?.[index], value, [...path, String(index)]));
  return [];
}
