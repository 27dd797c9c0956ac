import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from './errors.ts';
import { forgetSecretValues, secretArn, secretValue } from './secret-value.ts';
import type { SecretFetcher } from './secret-value.ts';

const ARN = 'arn:aws:secretsmanager:eu-west-2:111122223333:secret:PortalSessionSecret-AbCdEf';
const SPEC = { name: 'SESSION_SECRET', missingMessage: 'SESSION_SECRET is required' };

/** A stand-in for Secrets Manager that counts the ARNs it is asked for. */
function countingFetcher(values: Record<string, string>): SecretFetcher & { calls: string[] } {
  const calls: string[] = [];
  const fetcher = async (arn: string) => {
    calls.push(arn);
    const value = values[arn];
    if (value === undefined) throw new Error(`no secret ${arn}`);
    return value;
  };
  return Object.assign(fetcher, { calls });
}

afterEach(() => forgetSecretValues());

describe('the session secret on one machine', () => {
  it('is SESSION_SECRET itself, never fetched', async () => {
    const fetcher = countingFetcher({});
    expect(await secretValue(SPEC, { env: { SESSION_SECRET: 'from-the-environment' }, fetcher })).toBe('from-the-environment');
    expect(secretArn('SESSION_SECRET', { SESSION_SECRET: 'from-the-environment', SESSION_SECRET_ARN: ' ' })).toBeUndefined();
    expect(fetcher.calls).toEqual([]);
  });

  it('is required, with the message the portal gives', async () => {
    await expect(secretValue(SPEC, { env: {} })).rejects.toThrow(new ConfigError('SESSION_SECRET is required'));
    await expect(secretValue(SPEC, { env: { SESSION_SECRET: '' } })).rejects.toThrow(ConfigError);
  });
});

describe('the session secret in AWS', () => {
  it('is fetched by the ARN in SESSION_SECRET_ARN once per container, however many ask at once', async () => {
    const fetcher = countingFetcher({ [ARN]: 'from-secrets-manager' });
    const env = { SESSION_SECRET_ARN: ARN, SESSION_SECRET: 'stale', AWS_LAMBDA_FUNCTION_NAME: 'waypoint-portal' };
    expect(secretArn('SESSION_SECRET', env)).toBe(ARN);
    const values = await Promise.all([secretValue(SPEC, { env, fetcher }), secretValue(SPEC, { env, fetcher })]);
    expect(await secretValue(SPEC, { env, fetcher })).toBe('from-secrets-manager');
    expect(values).toEqual(['from-secrets-manager', 'from-secrets-manager']);
    expect(fetcher.calls).toEqual([ARN]);
  });

  it('is fetched again on the next use after a failed fetch', async () => {
    let failures = 1;
    const fetcher: SecretFetcher = async () => {
      if (failures-- > 0) throw new Error('throttled');
      return 'from-secrets-manager';
    };
    const env = { SESSION_SECRET_ARN: ARN };
    await expect(secretValue(SPEC, { env, fetcher })).rejects.toThrow('throttled');
    expect(await secretValue(SPEC, { env, fetcher })).toBe('from-secrets-manager');
  });

  it('is a clear configuration error in Lambda when neither the ARN nor the value is set', async () => {
    await expect(secretValue(SPEC, { env: { AWS_LAMBDA_FUNCTION_NAME: 'waypoint-portal' } })).rejects.toThrow(
      new ConfigError('SESSION_SECRET_ARN must name the Secrets Manager secret that holds SESSION_SECRET'),
    );
  });
});
