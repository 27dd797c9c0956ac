import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.ts';
import { forgetSecretValues, secretArn, secretValue } from './secret-value.ts';
import type { SecretFetcher } from './secret-value.ts';

const ARN = 'arn:aws:secretsmanager:eu-west-2:111122223333:secret:SigningSecret-AbCdEf';
const SPEC = { name: 'SIGNING_SECRET', developmentValue: 'fixed-development-value' };

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

describe('a secret on one machine', () => {
  it('is the variable itself when set, else the development value, and never fetched', async () => {
    const fetcher = countingFetcher({});
    expect(await secretValue(SPEC, { env: { SIGNING_SECRET: 'from-the-environment' }, fetcher })).toBe('from-the-environment');
    expect(await secretValue(SPEC, { env: {}, fetcher })).toBe('fixed-development-value');
    expect(await secretValue(SPEC, { env: { SIGNING_SECRET: '' }, fetcher })).toBe('fixed-development-value');
    expect(fetcher.calls).toEqual([]);
  });

  it('is required when there is no development value', async () => {
    await expect(secretValue({ name: 'SIGNING_SECRET' }, { env: {} })).rejects.toThrow(new ConfigError('SIGNING_SECRET is required'));
  });

  it('is read from process.env unless another environment is given', async () => {
    process.env.WAYPOINT_TEST_SECRET = 'from-process-env';
    try {
      expect(await secretValue({ name: 'WAYPOINT_TEST_SECRET' })).toBe('from-process-env');
    } finally {
      delete process.env.WAYPOINT_TEST_SECRET;
    }
  });
});

describe('a secret in AWS', () => {
  it('is fetched by the ARN in <NAME>_ARN, which wins over a value in the environment', async () => {
    const fetcher = countingFetcher({ [ARN]: 'from-secrets-manager' });
    const env = { SIGNING_SECRET_ARN: ARN, SIGNING_SECRET: 'stale', AWS_LAMBDA_FUNCTION_NAME: 'waypoint-api' };
    expect(await secretValue(SPEC, { env, fetcher })).toBe('from-secrets-manager');
    expect(fetcher.calls).toEqual([ARN]);
  });

  it('is fetched once per container, however many requests ask at once', async () => {
    const fetcher = countingFetcher({ [ARN]: 'from-secrets-manager' });
    const env = { SIGNING_SECRET_ARN: ARN };
    const values = await Promise.all([secretValue(SPEC, { env, fetcher }), secretValue(SPEC, { env, fetcher })]);
    expect(await secretValue(SPEC, { env, fetcher })).toBe('from-secrets-manager');
    expect(values).toEqual(['from-secrets-manager', 'from-secrets-manager']);
    expect(fetcher.calls).toEqual([ARN]);
  });

  it('is fetched again on the next use after a failed fetch', async () => {
    let failures = 1;
    const flaky = countingFetcher({ [ARN]: 'from-secrets-manager' });
    const fetcher: SecretFetcher = async (arn) => {
      if (failures-- > 0) throw new Error('throttled');
      return flaky(arn);
    };
    const env = { SIGNING_SECRET_ARN: ARN };
    await expect(secretValue(SPEC, { env, fetcher })).rejects.toThrow('throttled');
    expect(await secretValue(SPEC, { env, fetcher })).toBe('from-secrets-manager');
    expect(flaky.calls).toEqual([ARN]);
  });

  it('must not be empty', async () => {
    const fetcher = countingFetcher({ [ARN]: '' });
    await expect(secretValue(SPEC, { env: { SIGNING_SECRET_ARN: ARN }, fetcher })).rejects.toThrow(ConfigError);
  });

  it('is a clear configuration error in Lambda when neither the ARN nor the value is set, never the development value', async () => {
    const attempt = secretValue(SPEC, { env: { AWS_LAMBDA_FUNCTION_NAME: 'waypoint-api' } });
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(attempt).rejects.toThrow('SIGNING_SECRET_ARN must name the Secrets Manager secret that holds SIGNING_SECRET');
  });
});

describe('the ARN a secret is fetched from', () => {
  it('is <NAME>_ARN when it holds something, else none', () => {
    expect(secretArn('SESSION_SECRET', { SESSION_SECRET_ARN: ` ${ARN} ` })).toBe(ARN);
    expect(secretArn('SESSION_SECRET', { SESSION_SECRET: 'from-the-environment', SESSION_SECRET_ARN: ' ' })).toBeUndefined();
    expect(secretArn('SESSION_SECRET', {})).toBeUndefined();
  });
});

describe('a secret with no development value', () => {
  it('is required, with the message its caller gives', async () => {
    const spec = { name: 'SESSION_SECRET', missingMessage: 'SESSION_SECRET is required: a random string' };
    await expect(secretValue(spec, { env: {} })).rejects.toThrow(new ConfigError('SESSION_SECRET is required: a random string'));
    await expect(secretValue(spec, { env: { SESSION_SECRET: '' } })).rejects.toThrow(ConfigError);
  });
});
