/**
 * Secrets the API and the portal need (signing and sealing keys), read once per cold start.
 * In AWS the environment holds only the secret's ARN (`<NAME>_ARN`) and the value is fetched
 * from Secrets Manager, so it never sits in the function's configuration, where anyone
 * allowed `lambda:GetFunctionConfiguration` could read it. On one machine the value itself
 * comes from `<NAME>` or, where the caller offers one, a fixed development value.
 */
import { ConfigError } from './config-error.ts';

/** Returns the secret string stored under an ARN. */
export type SecretFetcher = (arn: string) => Promise<string>;

export interface SecretSpec {
  /** The variable that holds the value on one machine; `${name}_ARN` holds the ARN in AWS. */
  name: string;
  /** Used outside Lambda when neither variable is set. */
  developmentValue?: string;
  /** The error when neither variable is set and there is no development value. */
  missingMessage?: string;
}

export interface SecretValueOptions {
  /** The runtime environment; `process.env` unless given (the portal passes SvelteKit's). */
  env?: Record<string, string | undefined>;
  /** How a value is fetched by ARN; Secrets Manager unless given. */
  fetcher?: SecretFetcher;
}

/** One fetch per ARN for the life of the container; a failed fetch is forgotten so the next use retries. */
const fetched = new Map<string, Promise<string>>();

/** The ARN `${name}_ARN` holds, if any: where the value must be fetched from. */
export function secretArn(name: string, env: Record<string, string | undefined> = process.env): string | undefined {
  return env[`${name}_ARN`]?.trim() || undefined;
}

/** The secret's value: fetched by ARN when `${name}_ARN` is set, else `${name}`, else the development value outside Lambda. */
export async function secretValue(spec: SecretSpec, options: SecretValueOptions = {}): Promise<string> {
  const env = options.env ?? process.env;
  const arn = secretArn(spec.name, env);
  if (arn) return fetchOnce(arn, options.fetcher ?? fetchFromSecretsManager);
  const value = env[spec.name];
  if (value) return value;
  if (env.AWS_LAMBDA_FUNCTION_NAME) throw new ConfigError(`${spec.name}_ARN must name the Secrets Manager secret that holds ${spec.name}`);
  if (spec.developmentValue !== undefined) return spec.developmentValue;
  throw new ConfigError(spec.missingMessage ?? `${spec.name} is required`);
}

function fetchOnce(arn: string, fetcher: SecretFetcher): Promise<string> {
  const known = fetched.get(arn);
  if (known) return known;
  const pending = fetcher(arn).then((value) => {
    if (value === '') throw new ConfigError(`The secret ${arn} is empty`);
    return value;
  });
  fetched.set(arn, pending);
  pending.catch(() => {
    if (fetched.get(arn) === pending) fetched.delete(arn);
  });
  return pending;
}

/** For tests: forget every fetched value. */
export function forgetSecretValues(): void {
  fetched.clear();
}

let client: import('@aws-sdk/client-secrets-manager').SecretsManagerClient | undefined;

/** Loaded only when an ARN is configured, so nothing on one machine touches the SDK. */
const fetchFromSecretsManager: SecretFetcher = async (arn) => {
  const { GetSecretValueCommand, SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  client ??= new SecretsManagerClient({});
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: arn }));
    if (SecretString === undefined) throw new ConfigError(`The secret ${arn} has no string value`);
    return SecretString;
  } catch (cause) {
    if (cause instanceof ConfigError) throw cause;
    throw new ConfigError(`Could not read the secret ${arn} from Secrets Manager`, { cause });
  }
};
