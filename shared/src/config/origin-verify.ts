/**
 * Only CloudFront may reach the HTTP API: CloudFront adds a secret header to every request it
 * sends on (`x-origin-verify`), and the API's and the portal's Lambdas refuse any request
 * without it, so the execute-api address cannot be used to get around the WAF and the edge.
 * The value lives in Secrets Manager (the environment holds only its ARN); both the current and
 * the previous version are accepted, so rotating it (docs/DEPLOY.md) never refuses CloudFront
 * while the new value reaches every edge. Values are re-read at most once a minute, when a
 * request presents one not known yet, and every five minutes regardless.
 */
import { timingSafeEqual } from 'node:crypto';

export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';
export const ORIGIN_VERIFY_SECRET_ENV = 'ORIGIN_VERIFY_SECRET_ARN';

export type SecretStage = 'AWSCURRENT' | 'AWSPREVIOUS';
/** The secret's value at a version stage; undefined if no version has that stage. */
export type StageFetcher = (arn: string, stage: SecretStage) => Promise<string | undefined>;

const REFRESH_MS = 5 * 60 * 1000;
const RECHECK_MS = 60 * 1000;

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Says whether a request's header carries a value CloudFront sends (current or previous). */
export function originVerifier(options: { secretArn: string; fetcher?: StageFetcher; now?: () => number }): (presented: string | null | undefined) => Promise<boolean> {
  const fetcher = options.fetcher ?? fetchStage;
  const now = options.now ?? Date.now;
  let known: string[] = [];
  let fetchedAt = -Infinity;
  let pending: Promise<void> | undefined;

  const refresh = () =>
    (pending ??= Promise.all([fetcher(options.secretArn, 'AWSCURRENT'), fetcher(options.secretArn, 'AWSPREVIOUS')])
      .then((values) => {
        known = values.filter((value): value is string => typeof value === 'string' && value.length > 0);
        fetchedAt = now();
      })
      .finally(() => {
        pending = undefined;
      }));

  const matches = (presented: string) => known.some((value) => same(value, presented));

  return async (presented) => {
    if (!presented) return false;
    if (now() - fetchedAt > REFRESH_MS) await refresh();
    if (matches(presented)) return true;
    if (now() - fetchedAt > RECHECK_MS) {
      await refresh();
      return matches(presented);
    }
    return false;
  };
}

let client: import('@aws-sdk/client-secrets-manager').SecretsManagerClient | undefined;

/** Loaded only in AWS, where the ARN is set; a stage no version has is undefined, not an error. */
const fetchStage: StageFetcher = async (arn, stage) => {
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  client ??= new SecretsManagerClient({});
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn, VersionStage: stage }));
    return SecretString;
  } catch (error) {
    if (stage === 'AWSPREVIOUS' && (error as Error).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
};
