/**
 * DynamoDB clients whose credentials come from STS AssumeRole: per tenant with a `TenantId`
 * session tag (the data role's policy then allows only that tenant's keys), or on the
 * platform role for `PLATFORM#` items. Credentials are cached until shortly before expiry.
 * The STS client is loaded with the first credentials asked for, not when the module is.
 */
import type { AssumeRoleCommand, AssumeRoleCommandOutput } from '@aws-sdk/client-sts';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { isTenantId } from '@waypoint/shared/tenancy/keys';
import { createDocumentClient } from './clients.ts';
import type { DataClientFactory } from './clients.ts';

/** The session tag the data role's policy reads as `${aws:PrincipalTag/TenantId}`. */
export const TENANT_TAG_KEY = 'TenantId';

/** Refresh this long before expiry so that no request starts with credentials about to lapse. */
export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60 * 1000;

/** Role chaining (Lambda role to data role) caps sessions at one hour. */
const SESSION_DURATION_SECONDS = 3600;

/** The one STS call we make; a fake with this shape stands in for STS in tests. */
export interface AssumeRoleSender {
  send(command: AssumeRoleCommand): Promise<AssumeRoleCommandOutput>;
}

export interface AssumedRoleOptions {
  roleArn: string;
  region: string;
  sts?: AssumeRoleSender;
  /** Milliseconds since the epoch; settable in tests. */
  now?: () => number;
}

export class TenantCredentialsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TenantCredentialsError';
  }
}

interface SessionRequest {
  sessionName: string;
  tags?: { Key: string; Value: string }[];
}

/**
 * A provider that assumes the role once, reuses the credentials until five minutes before
 * they expire, and shares one in-flight call between concurrent requests.
 */
function cachedAssumeRoleProvider(options: ResolvedOptions, session: SessionRequest): AwsCredentialIdentityProvider {
  let current: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;

  const stillFresh = (credentials: AwsCredentialIdentity | undefined): credentials is AwsCredentialIdentity => credentials?.expiration !== undefined && credentials.expiration.getTime() - REFRESH_BEFORE_EXPIRY_MS > options.now();

  async function assume(): Promise<AwsCredentialIdentity> {
    const { AssumeRoleCommand } = await import('@aws-sdk/client-sts');
    const output = await (
      await options.sts()
    ).send(
      new AssumeRoleCommand({
        RoleArn: options.roleArn,
        RoleSessionName: session.sessionName,
        DurationSeconds: SESSION_DURATION_SECONDS,
        ...(session.tags ? { Tags: session.tags, TransitiveTagKeys: session.tags.map((tag) => tag.Key) } : {}),
      }),
    );
    const issued = output.Credentials;
    if (!issued?.AccessKeyId || !issued.SecretAccessKey || !issued.SessionToken || !issued.Expiration) {
      throw new TenantCredentialsError(`AssumeRole on ${options.roleArn} returned no usable credentials`);
    }
    return {
      accessKeyId: issued.AccessKeyId,
      secretAccessKey: issued.SecretAccessKey,
      sessionToken: issued.SessionToken,
      expiration: new Date(issued.Expiration),
    };
  }

  return async () => {
    if (stillFresh(current)) return current;
    pending ??= assume().then(
      (credentials) => {
        current = credentials;
        pending = undefined;
        return credentials;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    );
    return pending;
  };
}

interface ResolvedOptions {
  roleArn: string;
  sts: () => Promise<AssumeRoleSender>;
  now: () => number;
}

function resolved(options: AssumedRoleOptions): ResolvedOptions {
  let sts: Promise<AssumeRoleSender> | undefined = options.sts && Promise.resolve(options.sts);
  return {
    roleArn: options.roleArn,
    sts: () => (sts ??= import('@aws-sdk/client-sts').then(({ STSClient }) => new STSClient({ region: options.region }))),
    now: options.now ?? Date.now,
  };
}

/**
 * Credentials for one tenant, tagged `TenantId=<tenantId>`. The tag is transitive so that a
 * chained session cannot drop or replace it. Only UUIDs are accepted: the key module never
 * builds a key from anything else, and a tag value must never carry a wildcard.
 */
export function tenantCredentialsProvider(options: AssumedRoleOptions): (tenantId: string) => AwsCredentialIdentityProvider {
  const settings = resolved(options);
  const providers = new Map<string, AwsCredentialIdentityProvider>();
  return (tenantId) => {
    if (!isTenantId(tenantId)) throw new TenantCredentialsError('A tenant id must be a lower-case UUID');
    let provider = providers.get(tenantId);
    if (!provider) {
      provider = cachedAssumeRoleProvider(settings, {
        sessionName: `waypoint-tenant-${tenantId}`,
        tags: [{ Key: TENANT_TAG_KEY, Value: tenantId }],
      });
      providers.set(tenantId, provider);
    }
    return provider;
  };
}

/** One DynamoDB client per tenant (made on first use), each on that tenant's scoped credentials. */
export function tenantScopedClientFactory(options: AssumedRoleOptions): DataClientFactory {
  const credentialsFor = tenantCredentialsProvider(options);
  const clients = new Map<string, DynamoDBDocumentClient>();
  return (tenantId) => {
    let client = clients.get(tenantId);
    if (!client) {
      client = createDocumentClient({ region: options.region, credentials: credentialsFor(tenantId) });
      clients.set(tenantId, client);
    }
    return client;
  };
}

/** The client for `PLATFORM#` items (tenant directory, slug lookup), on the separate platform role. */
export function platformScopedClient(options: AssumedRoleOptions): DynamoDBDocumentClient {
  const credentials = cachedAssumeRoleProvider(resolved(options), { sessionName: 'waypoint-platform' });
  return createDocumentClient({ region: options.region, credentials });
}
