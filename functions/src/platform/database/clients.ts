/**
 * The one DynamoDB client factory. Locally it is a plain client pointed at dynalite; in
 * AWS each tenant's client carries credentials scoped to that tenant's keys (see
 * tenant-credentials.ts), so a bug in the app still cannot read another tenant.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { reuseCommandHandlers } from './command-handlers.ts';
import type { AwsCredentialIdentityProvider, Endpoint, HttpRequest, RequestSigningArguments } from '@smithy/types';

export interface ClientOptions {
  endpoint?: string;
  region: string;
  credentials?: AwsCredentialIdentityProvider;
}

/** Local endpoints need some credentials; dynalite ignores them. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * dynalite checks that a request carries an Authorization header of the right shape and never
 * its signature, so a local client writes that header without computing one: signing (two
 * SHA-256 hashes and four HMACs a request) was about a twentieth of the CPU of the API suites.
 * A client given credentials, as every deployed one is, signs in full.
 */
const LOCAL_SIGNER = {
  async sign(request: HttpRequest, options?: RequestSigningArguments): Promise<HttpRequest> {
    const amzDate = amzDateOf(Number(options?.signingDate ?? Date.now()));
    request.headers['x-amz-date'] = amzDate;
    request.headers.authorization = `AWS4-HMAC-SHA256 Credential=local/${amzDate.slice(0, 8)}/${options?.signingRegion ?? 'local'}/${options?.signingService ?? 'dynamodb'}/aws4_request, SignedHeaders=host;x-amz-date, Signature=unsigned`;
    return request;
  },
};

/** The date header's form of an instant (`20261208T003000Z`), made once a second, not for every request. */
let lastSecond = Number.NaN;
let lastAmzDate = '';
function amzDateOf(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastAmzDate = new Date(second * 1000).toISOString().replace(/[-:]|\.\d{3}/g, '');
    lastSecond = second;
  }
  return lastAmzDate;
}

/**
 * A local endpoint as the SDK's own parsed form, which it uses as given: as a string it is
 * parsed into a URL twice for every request (once for the endpoint rules' parameters, once
 * for the endpoint's headers).
 */
function parsedEndpoint(endpoint: string): Endpoint {
  const url = new URL(endpoint);
  return { protocol: url.protocol, hostname: url.hostname, port: url.port ? Number(url.port) : undefined, path: url.pathname, ...(url.search ? { query: Object.fromEntries(url.searchParams) } : {}) };
}

export function createDocumentClient(options: ClientOptions): DynamoDBDocumentClient {
  const local = Boolean(options.endpoint) && !options.credentials;
  const client = new DynamoDBClient({
    region: options.region,
    endpoint: options.endpoint ? parsedEndpoint(options.endpoint) : undefined,
    ...(local ? { credentials: LOCAL_CREDENTIALS, signer: LOCAL_SIGNER } : { credentials: options.credentials }),
    maxAttempts: 3,
  });
  // The SDK builds and escapes its user agent headers for every request (its version, the
  // runtime's, the features the request used); DynamoDB answers the same without them, and
  // under sustained load that building was about a twentieth of a Query's client work.
  client.middlewareStack.remove('getUserAgentMiddleware');
  return reuseCommandHandlers(
    DynamoDBDocumentClient.from(client, {
      marshallOptions: { removeUndefinedValues: true },
    }),
  );
}

export type DataClientFactory = (tenantId: string) => DynamoDBDocumentClient;

/** One shared client for every tenant: right for dynalite, where the app's checks are the isolation. */
export function sharedClientFactory(options: ClientOptions): DataClientFactory {
  const client = createDocumentClient(options);
  return () => client;
}
