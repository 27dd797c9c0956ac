/**
 * What a browser-test file shares: the stack with the portal, one chromium, and pages signed
 * in per user. `useBrowserStack()` at the top of the file makes them ready before its tests
 * and tidies up after; a file's own `beforeAll` registered later runs once they are up, and its
 * own `afterAll` runs before they are tidied.
 *
 * The stack and chromium are the worker's shared ones (see stack.ts), unless the file asks for
 * `{ own: true }`; each file gets its own contexts, closed when it ends, and its own sign-ins.
 * The three bindings are filled in by `beforeAll`; ES modules export live bindings, so a test
 * reads the current values.
 */
import { afterAll, beforeAll } from 'vitest';
import { sharedBrowser, signInCache, type SignInCache, type TestBrowser } from './browser.ts';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { platformKeys } from '@waypoint/shared/tenancy/keys';
import { startStack, type StackOptions, type TestStack } from './stack.ts';

export let stack: TestStack;
export let browser: TestBrowser;
export let signedIn: SignInCache;

/** A worker's first file seeds the demo data and starts the portal; a hang, not slowness, should fail it. */
const START_TIMEOUT_MS = 300_000;

export function useBrowserStack(options: Pick<StackOptions, 'own'> = {}): void {
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack({ portal: true, own: options.own }), sharedBrowser()]);
    signedIn = signInCache(browser, stack.portalUrl!, stack.shared ? { accountOf: (email) => signInAccount(stack, email) } : {});
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await signedIn?.closeAll();
    await browser?.close();
    await stack?.stop();
  });
}

/** A person's sign-in account as stored now, as text to compare (undefined when there is none). */
async function signInAccount(stack: TestStack, email: string): Promise<string | undefined> {
  const key = platformKeys.account(email);
  const { Item } = await stack.jobDependencies.platformClient.send(new GetItemCommand({ TableName: stack.tableName, Key: { PK: { S: key.PK }, SK: { S: key.SK } }, ConsistentRead: true }));
  return Item && JSON.stringify(Item);
}
