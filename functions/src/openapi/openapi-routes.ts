/** Public routes: `/v1/openapi.json` and the readable reference page generated from it. */
import { Hono } from 'hono';
import type { AppEnv } from '../api/app-env.ts';
import { openApiDocument } from './openapi-document.ts';
import { REFERENCE_PAGE_CSP, renderReferencePage } from './reference-page.ts';

export const openApiRoutes = new Hono<AppEnv>();

let page: string | undefined;

openApiRoutes.get('/openapi.json', (c) => {
  c.header('cache-control', 'public, max-age=300');
  return c.json(openApiDocument());
});

openApiRoutes.get('/reference', (c) => {
  page ??= renderReferencePage(openApiDocument());
  c.header('content-security-policy', REFERENCE_PAGE_CSP);
  c.header('cache-control', 'public, max-age=300');
  return c.html(page);
});
