/** Specifies the AWS branch of the data client factory against a fake STS. */
import type { AssumeRoleCommand, AssumeRoleCommandOutput } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { REFRESH_BEFORE_EXPIRY_MS, TenantCredentialsError, platformScopedClient, tenantCredentialsProvider, tenantScopedClientFactory } from './tenant-credentials.ts';

const ROLE_ARN = 'arn:aws:iam::111122223333:role/waypoint-tenant-data';
const TENANT_A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const TENANT_B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const HOUR = 60 * 60 * 1000;

/** Answers AssumeRole with credentials valid for an hour from the fake clock, numbered per call. */
function fakeSts(clock: { now: number }) {
  const calls: AssumeRoleCommand['input'][] = [];
  return {
    calls,
    async send(command: AssumeRoleCommand): Promise<AssumeRoleCommandOutput> {
      calls.push(command.input);
      const n = calls.length;
      return {
        $metadata: {},
        Credentials: {
          AccessKeyId: `AKIA${n}`,
          SecretAccessKey: `secret-${n}`,
          SessionToken: `token-${n}`,
          Expiration: new Date(clock.now + HOUR),
        },
      };
    },
  };
}

function setup() {
  const clock = { now: Date.UTC(2025, 0, 6, 9, 0, 0) };
  const sts = fakeSts(clock);
  const options = { roleArn: ROLE_ARN, region: 'eu-west-2', sts, now: () => clock.now };
  return { clock, sts, options };
}

describe('tenant-scoped credentials', () => {
  it('assumes the data role with the tenant id as a transitive TenantId session tag', async () => {
    const { sts, options } = setup();
    await tenantCredentialsProvider(options)(TENANT_A)();
    expect(sts.calls).toHaveLength(1);
    expect(sts.calls[0]).toMatchObject({
      RoleArn: ROLE_ARN,
      RoleSessionName: `waypoint-tenant-${TENANT_A}`,
      Tags: [{ Key: 'TenantId', Value: TENANT_A }],
      TransitiveTagKeys: ['TenantId'],
    });
  });

  it('reuses one tenant’s credentials until five minutes before they expire', async () => {
    const { clock, sts, options } = setup();
    const credentials = tenantCredentialsProvider(options)(TENANT_A);
    const first = await credentials();
    clock.now += HOUR - REFRESH_BEFORE_EXPIRY_MS - 1000;
    const later = await credentials();
    expect(later).toBe(first);
    expect(sts.calls).toHaveLength(1);
  });

  it('refreshes the credentials once they are within five minutes of expiry', async () => {
    const { clock, sts, options } = setup();
    const credentials = tenantCredentialsProvider(options)(TENANT_A);
    await credentials();
    clock.now += HOUR - REFRESH_BEFORE_EXPIRY_MS + 1000;
    const refreshed = await credentials();
    expect(sts.calls).toHaveLength(2);
    expect(refreshed.accessKeyId).toBe('AKIA2');
    expect(sts.calls[1]?.Tags).toEqual([{ Key: 'TenantId', Value: TENANT_A }]);
  });

  it('shares one AssumeRole call between concurrent requests of the same tenant', async () => {
    const { sts, options } = setup();
    const credentials = tenantCredentialsProvider(options)(TENANT_A);
    await Promise.all([credentials(), credentials(), credentials()]);
    expect(sts.calls).toHaveLength(1);
  });

  it('keeps each tenant’s credentials apart, each tagged with its own id', async () => {
    const { sts, options } = setup();
    const provider = tenantCredentialsProvider(options);
    const a = await provider(TENANT_A)();
    const b = await provider(TENANT_B)();
    expect(a.accessKeyId).not.toBe(b.accessKeyId);
    expect(sts.calls.map((call) => call.Tags?.[0]?.Value)).toEqual([TENANT_A, TENANT_B]);
  });

  it('refuses a tenant id that is not a UUID, so no wildcard or separator can reach a tag', () => {
    const { sts, options } = setup();
    const provider = tenantCredentialsProvider(options);
    for (const bad of ['*', `${TENANT_A}#CASE`, TENANT_A.toUpperCase(), '']) {
      expect(() => provider(bad)).toThrow(TenantCredentialsError);
    }
    expect(sts.calls).toHaveLength(0);
  });

  it('tries again after STS fails instead of caching the failure', async () => {
    const { sts, options } = setup();
    let failNext = true;
    const flaky = {
      async send(command: AssumeRoleCommand) {
        if (failNext) {
          failNext = false;
          throw new Error('throttled');
        }
        return sts.send(command);
      },
    };
    const credentials = tenantCredentialsProvider({ ...options, sts: flaky })(TENANT_A);
    await expect(credentials()).rejects.toThrow('throttled');
    await expect(credentials()).resolves.toMatchObject({ accessKeyId: 'AKIA1' });
  });
});

describe('tenant-scoped client factory', () => {
  it('gives each tenant one client whose requests are signed with that tenant’s credentials', async () => {
    const { sts, options } = setup();
    const clientFor = tenantScopedClientFactory(options);
    const client = clientFor(TENANT_A);
    expect(clientFor(TENANT_A)).toBe(client);
    expect(clientFor(TENANT_B)).not.toBe(client);
    const identity = await client.config.credentials();
    expect(identity.accessKeyId).toBe('AKIA1');
    expect(sts.calls[0]?.Tags).toEqual([{ Key: 'TenantId', Value: TENANT_A }]);
  });
});

describe('platform client', () => {
  it('assumes the platform role without any tenant tag', async () => {
    const { sts, options } = setup();
    const client = platformScopedClient({ ...options, roleArn: 'arn:aws:iam::111122223333:role/waypoint-platform-data' });
    await client.config.credentials();
    expect(sts.calls[0]).toMatchObject({ RoleSessionName: 'waypoint-platform' });
    expect(sts.calls[0]?.Tags).toBeUndefined();
  });
});
