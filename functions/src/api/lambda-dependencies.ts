/**
 * The API's dependencies inside AWS: per-tenant DynamoDB clients on credentials scoped to
 * that tenant's keys, a separate platform client, and tokens verified against the issuer's
 * JWKS. With `DYNAMODB_ENDPOINT` set (tests of the Lambda entry) it uses the local database.
 */
import { getConnInfo } from 'hono/aws-lambda';
import { cognitoSignInAccounts } from '../platform/accounts/cognito-sign-in-accounts.ts';
import { createAccessTokenVerifier } from '../platform/auth/access-token.ts';
import { getStringFromEnv } from '../platform/config.ts';
import { readApiConfig, type ApiConfig } from '../platform/config.ts';
import { createDocumentClient, sharedClientFactory } from '../platform/database/clients.ts';
import { platformScopedClient, tenantScopedClientFactory } from '../platform/database/tenant-credentials.ts';
import type { ApiDependencies } from './dependencies.ts';

export function lambdaDependencies(config: ApiConfig = readApiConfig()): ApiDependencies {
  const platformRoleArn = process.env.PLATFORM_DATA_ROLE_ARN || undefined;
  const local = { endpoint: config.dynamoEndpoint, region: config.region };
  const verifier = createAccessTokenVerifier({ issuer: config.issuer, audience: config.audience });
  return {
    tableName: config.tableName,
    dataClientFor: config.tenantDataRoleArn ? tenantScopedClientFactory({ roleArn: config.tenantDataRoleArn, region: config.region }) : sharedClientFactory(local),
    platformClient: platformRoleArn ? platformScopedClient({ roleArn: platformRoleArn, region: config.region }) : createDocumentClient(local),
    verifyAccessToken: (token) => verifier.verify(token),
    accounts: cognitoSignInAccounts({ userPoolId: getStringFromEnv({ key: 'USER_POOL_ID', defaultValue: 'not-configured' }), region: config.region }),
    clientAddress: (c) => getConnInfo(c).remote.address,
    devOutbox: false,
  };
}
