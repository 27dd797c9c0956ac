/**
 * The one DynamoDB client factory. Locally it is a plain client pointed at dynalite; in
 * AWS each tenant's client carries credentials scoped to that tenant's keys (see
 * tenant-credentials.ts), so a bug in the app still cannot read another tenant.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

export interface ClientOptions {
  endpoint?: string;
  region: string;
  credentials?: AwsCredentialIdentityProvider;
}

/** Local endpoints need some credentials; dynalite ignores them. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export function createDocumentClient(options: ClientOptions): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: options.region,
    endpoint: options.endpoint,
    credentials: options.credentials ?? (options.endpoint ? LOCAL_CREDENTIALS : undefined),
    maxAttempts: 3,
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}

export type DataClientFactory = (tenantId: string) => DynamoDBDocumentClient;

/** One shared client for every tenant: right for dynalite, where the app's checks are the isolation. */
export function sharedClientFactory(options: ClientOptions): DataClientFactory {
  const client = createDocumentClient(options);
  return () => client;
}
