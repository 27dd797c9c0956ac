/**
 * The API's dependencies inside AWS: the deployed DynamoDB clients, tokens verified against
 * the issuer's JWKS, staff accounts and councils' own identity providers in Cognito, and the
 * API's description as written beside the bundle when it was built.
 */
import { cognitoFederation } from '../federation/cognito-federation.ts';
import type { IdentityFederation } from '../federation/identity-federation.ts';
import { cognitoSignInAccounts } from '../platform/accounts/cognito-sign-in-accounts.ts';
import { createAccessTokenVerifier } from '../platform/auth/access-token.ts';
import { getStringFromEnv, readApiConfig, type ApiConfig } from '../platform/config.ts';
import { deployedClients } from '../platform/database/deployed-clients.ts';
import { createRequestLimiter } from '../platform/limits/request-limiter.ts';
import { requestLimitsFromEnv } from '../platform/limits/request-limits.ts';
import { writtenApiDescription } from '../openapi/api-description.ts';
import { deployedObjectStore } from '../storage/deployed-object-store.ts';
import { lambdaImportWork } from '../imports/lambda-import-work.ts';
import { lambdaExportWork } from '../offboarding/lambda-export-work.ts';
import type { ApiDependencies } from './dependencies.ts';
import { httpApiSourceIp } from './http-api-handler.ts';

/**
 * Councils' providers go into the user pool and onto the portal's app client (the audience of
 * access tokens). Without either, connecting answers 503 rather than failing half-way.
 */
function federationFromEnv(config: ApiConfig): IdentityFederation | undefined {
  const userPoolId = process.env.USER_POOL_ID;
  const portalClientId = process.env.API_AUDIENCE;
  if (!userPoolId || !portalClientId) return undefined;
  return cognitoFederation({ userPoolId, portalClientId, region: config.region });
}

/** Only the function serving the import routes is told the imports function's name (and may invoke it). */
function importWorkFromEnv(config: ApiConfig): ApiDependencies['startImportWork'] {
  const functionName = process.env.IMPORTS_FUNCTION_NAME;
  if (!functionName) return undefined;
  const start = lambdaImportWork({ functionName, region: config.region });
  return (tenantId, importId) => start({ tenantId, importId });
}

/** Only the functions serving the export routes are told the jobs function's name (and may invoke it). */
function exportWorkFromEnv(config: ApiConfig): ApiDependencies['startDataExport'] {
  const functionName = process.env.JOBS_FUNCTION_NAME;
  return functionName ? lambdaExportWork({ functionName, region: config.region }) : undefined;
}

export function lambdaDependencies(config: ApiConfig = readApiConfig()): ApiDependencies {
  const verifier = createAccessTokenVerifier({ issuer: config.issuer, audience: config.audience });
  return {
    ...deployedClients(config),
    objects: deployedObjectStore(config),
    verifyAccessToken: (token) => verifier.verify(token),
    accounts: cognitoSignInAccounts({ userPoolId: getStringFromEnv({ key: 'USER_POOL_ID', defaultValue: 'not-configured' }), region: config.region }),
    federation: federationFromEnv(config),
    startImportWork: importWorkFromEnv(config),
    startDataExport: exportWorkFromEnv(config),
    clientAddress: (c) => httpApiSourceIp(c.env),
    portalUrl: config.portalUrl,
    requestLimiter: createRequestLimiter(requestLimitsFromEnv()),
    devOutbox: false,
    // Lambda sets LAMBDA_TASK_ROOT to the folder the bundle was unpacked into.
    apiDescription: writtenApiDescription(process.env.LAMBDA_TASK_ROOT ?? process.cwd()),
  };
}
