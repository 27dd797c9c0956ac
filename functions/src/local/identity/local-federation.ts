/**
 * Connecting a council's provider on one machine: the local OpenID provider (Cognito's stand-in)
 * keeps the provider's details, secret included, in its own platform item, as Cognito keeps an
 * identity provider's; the API's connection item never holds the secret.
 */
import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { platformKeys } from '@waypoint/shared/tenancy/keys';
import type { IdentityFederation } from '../../federation/identity-federation.ts';

export interface LocalFederationItem {
  providerName: string;
  tenantId: string;
  kind: 'oidc' | 'saml';
  issuer?: string;
  clientId?: string;
  clientSecret?: string;
  metadataUrl?: string;
}

export async function findLocalFederation(options: { db: DynamoDBDocumentClient; tableName: string; providerName: string }): Promise<LocalFederationItem | undefined> {
  let key;
  try {
    key = platformKeys.localFederation(options.providerName);
  } catch {
    return undefined; // a name the key builder refuses was never registered
  }
  const { Item } = await options.db.send(new GetCommand({ TableName: options.tableName, Key: key, ConsistentRead: true }));
  return Item as LocalFederationItem | undefined;
}

export function localFederation(options: { db: DynamoDBDocumentClient; tableName: string }): IdentityFederation {
  return {
    allowsLoopbackProviders: true,
    async register({ providerName, tenantId, settings }) {
      const kept = settings.kind === 'oidc' && settings.clientSecret === undefined ? (await findLocalFederation({ ...options, providerName }))?.clientSecret : undefined;
      const item: LocalFederationItem =
        settings.kind === 'oidc'
          ? { providerName, tenantId, kind: 'oidc', issuer: settings.issuer.replace(/\/+$/, ''), clientId: settings.clientId, clientSecret: settings.clientSecret ?? kept }
          : { providerName, tenantId, kind: 'saml', ...(settings.metadataUrl ? { metadataUrl: settings.metadataUrl } : {}) };
      await options.db.send(new PutCommand({ TableName: options.tableName, Item: { ...platformKeys.localFederation(providerName), ...item } }));
    },
    async unregister(providerName) {
      await options.db.send(new DeleteCommand({ TableName: options.tableName, Key: platformKeys.localFederation(providerName) }));
    },
  };
}
