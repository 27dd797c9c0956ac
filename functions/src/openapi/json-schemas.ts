/**
 * Turns valibot schemas into JSON Schema for the OpenAPI document. A schema given a
 * `v.title(...)` becomes a named component and is referenced wherever it is used.
 */
import { toJsonSchema, toJsonSchemaDefs, type ConversionConfig, type JsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import type { AnySchema } from './route-docs.ts';

export type { JsonSchema };

const COMPONENT_REF = '#/components/schemas/';

/** Every schema with a title, found by walking objects, arrays, tuples, wrappers, unions and pipes. */
export function namedSchemas(roots: readonly AnySchema[]): Record<string, AnySchema> {
  const named: Record<string, AnySchema> = {};
  const seen = new Set<unknown>();
  const visit = (schema: unknown): void => {
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
    seen.add(schema);
    const s = schema as Record<string, unknown>;
    if (s.kind === 'schema') {
      const title = v.getTitle(schema as Parameters<typeof v.getTitle>[0]);
      if (title) {
        if (named[title] && named[title] !== schema) throw new Error(`Two different schemas are titled ${title}`);
        named[title] = schema as AnySchema;
      }
    }
    for (const child of [s.wrapped, s.item, ...asArray(s.items), ...asArray(s.options), ...asArray(s.pipe), ...Object.values((s.entries as object) ?? {})]) visit(child);
  };
  roots.forEach(visit);
  return named;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function jsonSchemaConverter(definitions: Record<string, AnySchema>) {
  const base: ConversionConfig = {
    target: 'draft-2020-12',
    // Checks written as functions (v.check) have no JSON Schema form; the server still applies them.
    errorMode: 'ignore',
    overrideRef: (context) => `${COMPONENT_REF}${context.referenceId}`,
  };
  const strip = ({ $schema: _schema, $defs: _defs, ...rest }: JsonSchema): JsonSchema => rest;
  return {
    /** Request schemas describe what the client sends, before any transform. */
    request: (schema: AnySchema) => strip(toJsonSchema(schema, { ...base, typeMode: 'input', definitions })),
    response: (schema: AnySchema) => strip(toJsonSchema(schema, { ...base, typeMode: 'ignore', definitions })),
    components: () => Object.fromEntries(Object.entries(toJsonSchemaDefs(definitions, { ...base, typeMode: 'ignore' })).map(([name, s]) => [name, strip(s)])),
  };
}
