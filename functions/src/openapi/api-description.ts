/**
 * The API's description as it is served: the OpenAPI document and the reference page made
 * from it. On one machine both are built from the route descriptions when first asked for
 * (built-api-description.ts); a Lambda bundle carries them as files written at bundle time
 * (write-openapi.ts), so the function holds neither the route descriptions nor the code
 * that turns them into JSON Schema.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { OpenApiDocument } from './openapi-document.ts';

export interface ApiDescription {
  document(): Promise<OpenApiDocument>;
  referencePage(): Promise<string>;
}

/** The files beside the Lambda bundle. */
export const API_DESCRIPTION_FILES = { document: 'openapi.json', referencePage: 'reference.html' } as const;

/** Reads the written files from `folder`, once each. */
export function writtenApiDescription(folder: string): ApiDescription {
  let document: Promise<OpenApiDocument> | undefined;
  let page: Promise<string> | undefined;
  const read = (name: string) => readFile(path.join(folder, name), 'utf8');
  return {
    document: () => (document ??= read(API_DESCRIPTION_FILES.document).then((text) => JSON.parse(text) as OpenApiDocument)),
    referencePage: () => (page ??= read(API_DESCRIPTION_FILES.referencePage)),
  };
}
