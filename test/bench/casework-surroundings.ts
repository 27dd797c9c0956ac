/**
 * What a bench child process (casework-process.ts, list-load-process.ts) builds the casework
 * function over: the bench stack's database, object store and issuer, reached from another
 * process by their addresses, with clients of the child's own, as a Lambda instance has.
 */
import { localSignInAccounts } from '@waypoint/functions/local/identity/local-sign-in-accounts';
import { createDocumentClient, sharedClientFactory } from '@waypoint/functions/platform/database/clients';
import { LOCAL_OBJECT_BUCKET, LOCAL_OBJECT_CREDENTIALS } from '@waypoint/functions/storage/local-object-settings';
import { s3ObjectStore } from '@waypoint/functions/storage/s3-object-store';
import type { TestStack } from '../support/stack.ts';
import type { CaseworkSurroundings } from './lambda-invoke.ts';

export const REGION = 'eu-west-2';

/** The stack's addresses, which a child process is handed. */
export interface StackAddresses {
  databaseEndpoint: string;
  objectsEndpoint: string;
  tableName: string;
  issuer: string;
  portalUrl: string;
  password: string;
}

export function stackAddresses(stack: TestStack, password: string): StackAddresses {
  return {
    databaseEndpoint: stack.databaseEndpoint,
    objectsEndpoint: stack.objectsEndpoint,
    tableName: stack.tableName,
    issuer: stack.issuer,
    portalUrl: stack.jobDependencies.portalUrl,
    password,
  };
}

export function caseworkSurroundings(addresses: StackAddresses): CaseworkSurroundings {
  const { databaseEndpoint, objectsEndpoint, tableName, issuer, portalUrl, password } = addresses;
  const platformClient = createDocumentClient({ endpoint: databaseEndpoint, region: REGION });
  return {
    tableName,
    issuer,
    accounts: localSignInAccounts({ db: platformClient, tableName, password }),
    jobDependencies: {
      platformClient,
      dataClientFor: sharedClientFactory({ endpoint: databaseEndpoint, region: REGION }),
      objects: s3ObjectStore({ bucket: LOCAL_OBJECT_BUCKET, region: REGION, endpoint: objectsEndpoint, credentials: LOCAL_OBJECT_CREDENTIALS }),
      portalUrl,
    },
  };
}
