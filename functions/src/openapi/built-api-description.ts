/** The API's description built in this process from the route descriptions, once. */
import type { ApiDescription } from './api-description.ts';
import { openApiDocument } from './openapi-document.ts';
import { renderReferencePage } from './reference-page.ts';

let page: string | undefined;

export const builtApiDescription: ApiDescription = {
  document: async () => openApiDocument(),
  referencePage: async () => (page ??= renderReferencePage(openApiDocument())),
};
