/** The API's Lambda entry point: the same Hono app, behind API Gateway's HTTP API. */
import { handle } from 'hono/aws-lambda';
import { createApp } from './app.ts';
import { lambdaDependencies } from './lambda-dependencies.ts';

// Built once per Lambda container, so JWKS and per-tenant credentials are cached across requests.
export const handler = handle(createApp(lambdaDependencies()));
