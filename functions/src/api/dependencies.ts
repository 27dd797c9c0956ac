/** What the API needs from its surroundings; `npm start`, the tests and the Lambda entry each supply it. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'hono';
import type { IdentityFederation } from '../federation/identity-federation.ts';
import type { SignInAccounts } from '../platform/accounts/sign-in-accounts.ts';
import type { DataClientFactory } from '../platform/database/clients.ts';
import type { ApiDescription } from '../openapi/api-description.ts';
import type { ObjectStore } from '../storage/object-store.ts';
import type { FileScan } from '../files/file-scan.ts';
import type { RequestLimiter } from '../platform/limits/request-limiter.ts';

export interface VerifiedClaims {
  sub: string;
  tenantId: string | null;
  role: string;
}

export interface ApiDependencies {
  tableName: string;
  /** Tenant-scoped data clients: the only way route code reaches tenant items. */
  dataClientFor: DataClientFactory;
  /** Platform items (tenant directory) and the health check; never handed to tenant routes. */
  platformClient: DynamoDBDocumentClient;
  /** Stored files (evidence, imports, exports), under `tenants/<tenantId>/` keys only. */
  objects: ObjectStore;
  /** The malware check of uploaded files; GuardDuty's tags when absent (AWS), a stand-in on one machine. */
  fileScan?: FileScan;
  verifyAccessToken(token: string): Promise<VerifiedClaims>;
  /** The identity provider's accounts, which carry each person's tenant and role. */
  accounts: SignInAccounts;
  /**
   * The address the request came from (the socket on one machine, API Gateway's source IP in
   * AWS), used only to make a keyed hash for the wrong-code limit; absent in some tests.
   */
  clientAddress?: (c: Context) => string | undefined;
  /**
   * Where connecting a council's own identity provider registers it (Cognito in AWS, the local
   * OpenID provider on one machine); without it, connecting answers 503.
   */
  federation?: IdentityFederation;
  /** The portal's public address, which links in emails start with (`PORTAL_URL`). */
  portalUrl: string;
  /** Serve the developer outbox (`/v1/dev/outbox`); only on one machine. */
  devOutbox: boolean;
  /** Served at `/v1/openapi.json` and `/v1/reference`; without it those answer 404. */
  apiDescription?: ApiDescription;
  /**
   * Per-authority and per-visitor request limits (`platform/limits`); every server has one,
   * built once per process so its batches of tokens outlive a request.
   */
  requestLimiter?: RequestLimiter;
  /**
   * Only the bench sets this, to measure what checking the caller's current user record
   * costs (`recheck-caller.ts`); every real server checks.
   */
  skipUserRecheck?: boolean;
  /**
   * Starts the import job on one import now (in-process on one machine; an asynchronous
   * invocation of the imports Lambda in AWS, awaited so it is sent before the function is
   * frozen). Without it, or if starting fails, the scheduled import job picks the import up.
   */
  startImportWork?: (tenantId: string, importId: string) => void | Promise<void>;
  /**
   * Starts making a full data export now (in-process on one machine; an asynchronous invocation
   * of the jobs Lambda in AWS, awaited so it is sent before the function is frozen). Without it,
   * or if starting fails, the offboarding job makes it on its next run.
   */
  startDataExport?: (tenantId: string, exportId: string) => void | Promise<void>;
}
