/**
 * Public routes: `/v1/openapi.json` and the readable reference page generated from it, both
 * from the API's dependencies (`apiDescription`), so these routes do not carry the code
 * that builds them.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../api/app-env.ts';
import { ApiError } from '../platform/http/api-error.ts';
import type { ApiDescription } from './api-description.ts';
import { REFERENCE_PAGE_CSP } from './reference-page.ts';

export const openApiRoutes = new Hono<AppEnv>();

function described(c: { var: AppEnv['Variables'] }): ApiDescription {
  const description = c.var.deps.apiDescription;
  if (!description) throw new ApiError('not-found', 'There is nothing at this address');
  return description;
}

openApiRoutes.get('/openapi.json', async (c) => {
  const document = await described(c).document();
  c.header('cache-control', 'public, max-age=300');
  return c.json(document);
});

openApiRoutes.get('/reference', async (c) => {
  const page = await described(c).referencePage();
  c.header('content-security-policy', REFERENCE_PAGE_CSP);
  c.header('cache-control', 'public, max-age=300');
  return c.html(page);
});
