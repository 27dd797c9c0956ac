/** The API's engagement routes as a Lambda behind API Gateway's HTTP API (api-groups.ts says which paths). */
import { composeApp, engagementGroup } from './app.ts';
import { lambdaDependencies } from './lambda-dependencies.ts';
import { handleHttpApi } from './http-api-handler.ts';
import { guardOrigin } from './origin-guard.ts';

// Built once per Lambda container, so JWKS and per-tenant credentials are cached across requests.
export const handler = guardOrigin(handleHttpApi(composeApp(lambdaDependencies(), [engagementGroup])));
