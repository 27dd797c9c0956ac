/**
 * The DynamoDB clients of a deployed function: per-tenant clients on credentials scoped to
 * that tenant's keys and a separate platform client, each on an assumed data role. With
 * `DYNAMODB_ENDPOINT` set (tests of the Lambda entries) they use the local database instead.
 * The API and the jobs share this and nothing else of each other's wiring, so the jobs
 * bundle carries no token verification or account management.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ApiConfig } from '../config.ts';
import { createDocumentClient, sharedClientFactory, type DataClientFactory } from './clients.ts';
import { platformScopedClient, tenantScopedClientFactory } from './tenant-credentials.ts';

export interface DeployedClients {
  tableName: string;
  dataClientFor: DataClientFactory;
  platformClient: DynamoDBDocumentClient;
}

export function deployedClients(config: ApiConfig): DeployedClients {
  const platformRoleArn = process.env.PLATFORM_DATA_ROLE_ARN || undefined;
  const local = { endpoint: config.dynamoEndpoint, region: config.region };
  return {
    tableName: config.tableName,
    dataClientFor: config.tenantDataRoleArn ? tenantScopedClientFactory({ roleArn: config.tenantDataRoleArn, region: config.region }) : sharedClientFactory(local),
    platformClient: platformRoleArn ? platformScopedClient({ roleArn: platformRoleArn, region: config.region }) : createDocumentClient(local),
  };
}
