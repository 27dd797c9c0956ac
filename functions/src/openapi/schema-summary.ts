/** Plain-English summaries of JSON Schemas, for the reference page's field tables. */
import type { JsonSchema } from './json-schemas.ts';

type Schema = JsonSchema;
/** Where JSON Schema allows `true`/`false` for "anything"/"nothing". */
type SchemaOrFlag = JsonSchema | boolean;

export interface Field {
  name: string;
  type: string;
  required: boolean;
  description?: string;
}

/** A component's name from its `$ref`, or undefined. */
export function refName(schema: SchemaOrFlag): string | undefined {
  return typeof schema === 'object' && typeof schema.$ref === 'string' ? schema.$ref.split('/').pop() : undefined;
}

/** E.g. "string, 1 to 120 characters", "one of: open, closed", "list of Team". Names of components come back as `[[Name]]`. */
export function summarise(schema: SchemaOrFlag | undefined): string {
  if (schema === undefined || typeof schema === 'boolean') return 'anything';
  const name = refName(schema);
  if (name) return `[[${name}]]`;
  if (schema.const !== undefined) return `exactly ${JSON.stringify(schema.const)}`;
  if (schema.enum) return `one of: ${schema.enum.map((e) => String(e)).join(', ')}`;
  if (schema.anyOf) return schema.anyOf.map((s) => summarise(s)).join(' or ');
  switch (schema.type) {
    case 'string':
      return withNotes('text', stringNotes(schema));
    case 'integer':
    case 'number':
      return withNotes(schema.type === 'integer' ? 'whole number' : 'number', rangeNotes(schema.minimum, schema.maximum, ''));
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'null';
    case 'array': {
      if (Array.isArray(schema.prefixItems)) return `list of ${schema.prefixItems.length}: ${schema.prefixItems.map((s) => summarise(s)).join(', ')}`;
      return withNotes(`list of ${summarise(Array.isArray(schema.items) ? undefined : schema.items)}`, rangeNotes(schema.minItems, schema.maxItems, ' items'));
    }
    case 'object':
      return 'object';
    default:
      return 'anything';
  }
}

function stringNotes(schema: Schema): string[] {
  const notes: string[] = [];
  if (schema.format === 'email') notes.push('an email address');
  if (schema.format === 'date-time') notes.push('a date and time (ISO 8601)');
  if (schema.format === 'uuid') notes.push('a UUID');
  notes.push(...rangeNotes(schema.minLength, schema.maxLength, ' characters'));
  if (schema.pattern) notes.push(`matching \`${schema.pattern}\``);
  return notes;
}

function rangeNotes(min: number | undefined, max: number | undefined, unit: string): string[] {
  if (min !== undefined && max !== undefined) return [`${min} to ${max}${unit}`];
  if (min !== undefined) return [`at least ${min}${unit}`];
  if (max !== undefined) return [`at most ${max}${unit}`];
  return [];
}

function withNotes(base: string, notes: string[]): string {
  return notes.length ? `${base}, ${notes.join(', ')}` : base;
}

/** The properties of an object schema as table rows; empty for anything else. */
export function fieldsOf(schema: SchemaOrFlag | undefined): Field[] {
  if (!schema || typeof schema === 'boolean' || schema.type !== 'object' || !schema.properties) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, property]) => ({
    name,
    type: summarise(property),
    required: required.has(name),
    ...(typeof property === 'object' && property.description ? { description: property.description } : {}),
  }));
}
