/**
 * The local OpenID Connect provider that stands in for Cognito on one machine: oidc-provider
 * on a plain Node HTTP server, with Waypoint's sign-in page and accounts from the table.
 * Signing keys, sessions and grants live in memory, so a restart signs everyone out.
 */
import { generateKeyPair, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { JWK } from 'jose';
import Provider from 'oidc-provider';
import { createAccountDirectory } from './account-directory.ts';
import { createFederatedSignIn, FEDERATED_FINISH_PATH, IDP_RESPONSE_PATH } from './federated-sign-in.ts';
import { handleInteraction, isInteractionPath } from './interaction-routes.ts';
import { createSecondSteps } from './second-step.ts';
import { PAGE_HEADERS, renderNoticePage } from './page-layout.ts';
import { providerConfiguration } from './provider-configuration.ts';

export interface IdentityProviderOptions {
  /** 0 picks a free port (tests). The server listens on 127.0.0.1 only. */
  port: number;
  /** Defaults to `http://localhost:<port>`, built from the port actually bound. */
  issuer?: string;
  db: DynamoDBDocumentClient;
  tableName: string;
  portalRedirectUris: string[];
  portalPostLogoutRedirectUris: string[];
  /** The portal's public address, which links in emails start with (a federated sign-in may record a new user). */
  portalUrl: string;
}

export interface RunningIdentityProvider {
  issuer: string;
  close(): Promise<void>;
}

async function generateSigningKey(): Promise<JWK> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' } as JWK;
}

function logError(error: unknown): void {
  // Only the name and message: never a request, its body or a token.
  const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
  console.error(`identity provider: ${name}: ${message}`);
}

function sendServerError(res: ServerResponse): void {
  if (res.headersSent) return void res.end();
  res.writeHead(500, PAGE_HEADERS);
  res.end(
    renderNoticePage({
      title: 'Sorry, there is a problem – Waypoint',
      heading: 'Sorry, there is a problem',
      paragraphs: ['Sign-in is not working at the moment. Try again later.'],
    }),
  );
}

export async function startIdentityProvider(options: IdentityProviderOptions): Promise<RunningIdentityProvider> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = (options.issuer ?? `http://localhost:${port}`).replace(/\/+$/, '');

  const accounts = createAccountDirectory({ db: options.db, tableName: options.tableName });
  const secondSteps = createSecondSteps();
  const provider = new Provider(
    issuer,
    providerConfiguration({
      accounts,
      signingKey: await generateSigningKey(),
      cookieKeys: [randomBytes(32).toString('base64url')],
      portalRedirectUris: options.portalRedirectUris,
      portalPostLogoutRedirectUris: options.portalPostLogoutRedirectUris,
    }),
  );
  provider.proxy = false;
  provider.on('server_error', (_ctx, error) => logError(error));
  const handleProviderRequest = provider.callback();
  const federated = createFederatedSignIn({ db: options.db, tableName: options.tableName, issuer, accounts, portalUrl: options.portalUrl });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const { pathname } = new URL(req.url ?? '/', issuer);
    const finishing = FEDERATED_FINISH_PATH.exec(pathname)?.[1];
    let handled: Promise<void>;
    if (req.method === 'GET' && pathname === IDP_RESPONSE_PATH) handled = federated.callback(req, res);
    else if (req.method === 'GET' && finishing) handled = federated.finish({ provider, req, res, uid: finishing });
    else if (isInteractionPath(pathname)) handled = handleInteraction({ provider, accounts, secondSteps, federated, req, res, pathname });
    else return handleProviderRequest(req, res);
    handled.catch((error: unknown) => {
      logError(error);
      sendServerError(res);
    });
  });

  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
