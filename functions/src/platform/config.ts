/**
 * Configuration, read once from the environment and typed. Locally `npm start` and the
 * test stack set these; in AWS the CDK stack does.
 */
import { ConfigError } from '@waypoint/shared/config/config-error';

export { ConfigError };

export function getStringFromEnv(options: { key: string; defaultValue?: string; errorMessage?: string }): string {
  const value = process.env[options.key];
  if (value !== undefined && value !== '') return value;
  if (options.defaultValue !== undefined) return options.defaultValue;
  throw new ConfigError(options.errorMessage ?? `Environment variable ${options.key} is required`);
}

export interface ApiConfig {
  /** DynamoDB table name. */
  tableName: string;
  /** Set locally (dynalite); unset in AWS. */
  dynamoEndpoint: string | undefined;
  region: string;
  /** The OpenID issuer whose JWKS signs access tokens. */
  issuer: string;
  /** The audience (or Cognito client id) an access token must be for. */
  audience: string;
  /** In AWS: the role assumed per tenant with a TenantId session tag. */
  tenantDataRoleArn: string | undefined;
  /** The portal's public address: links in emails are made from it. */
  portalUrl: string;
}

export function readApiConfig(): ApiConfig {
  return {
    tableName: getStringFromEnv({ key: 'TABLE_NAME', defaultValue: 'waypoint' }),
    dynamoEndpoint: process.env.DYNAMODB_ENDPOINT || undefined,
    region: getStringFromEnv({ key: 'AWS_REGION', defaultValue: 'eu-west-2' }),
    issuer: getStringFromEnv({ key: 'OIDC_ISSUER', errorMessage: 'OIDC_ISSUER must name the token issuer' }),
    audience: getStringFromEnv({ key: 'API_AUDIENCE', defaultValue: 'waypoint-api' }),
    tenantDataRoleArn: process.env.TENANT_DATA_ROLE_ARN || undefined,
    portalUrl: getStringFromEnv({ key: 'PORTAL_URL', errorMessage: 'PORTAL_URL must be the portal’s public address (links in emails start with it)' }),
  };
}
