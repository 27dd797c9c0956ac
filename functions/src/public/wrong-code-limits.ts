/**
 * The limit on wrong invitation codes (numbers and windows in `code-guess-limits.ts`),
 * held in DynamoDB so it holds across every API instance: one counter per ten-minute window
 * for the authority and one per client, each added to with a conditional `UpdateItem ADD`.
 * A client is a keyed hash of its address (the portal passes on, signed, the address of the
 * person at the keyboard); the address itself is never stored or logged.
 *
 * Once either count is reached, every code from that client (or, for the authority's count,
 * every code at that authority) gets a 429 until the window ends, right codes included:
 * answering a right code differently would tell a guesser which guess was right.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'hono';
import { CLIENT_ADDRESS_SIGNATURE_HEADER, clientAddressSecret, isSignedClientAddress } from '@waypoint/shared/engagement/client-address';
import { CLIENT_ADDRESS_HEADER, guessWindow, secondsLeft, WRONG_CODES_PER_AUTHORITY, WRONG_CODES_PER_CLIENT, type GuessWindow } from '@waypoint/shared/engagement/code-guess-limits';
import { EXPIRY_ATTRIBUTE } from '@waypoint/shared/table/table-definition';
import type { AppEnv } from '../api/app-env.ts';
import type { TenantContext } from '../platform/auth/caller.ts';
import { ApiError } from '../platform/http/api-error.ts';
import { keyedDigest } from './session-tokens.ts';

/** Counters outlive their window by a day, then DynamoDB's TTL removes them. */
const KEEP_AFTER_WINDOW_SECONDS = 24 * 60 * 60;

/**
 * The client, as a keyed hash: the address the portal passes on for the person it serves when
 * the portal's signature on it holds, else the address the request came from (sent to the API
 * directly, or with an address someone made up).
 */
export async function guessingClient(c: Context<AppEnv>): Promise<string> {
  const passedOn = c.req.header(CLIENT_ADDRESS_HEADER)?.trim().slice(0, 100);
  const secret = passedOn ? await clientAddressSecret() : undefined;
  const trusted = passedOn && secret && isSignedClientAddress(secret, passedOn, c.req.header(CLIENT_ADDRESS_SIGNATURE_HEADER)) ? passedOn : undefined;
  const address = trusted || c.var.deps.clientAddress?.(c) || 'unknown';
  return keyedDigest('wrong-code-client', address);
}

const tooManyTries = (window: GuessWindow, now: Date) =>
  new ApiError('too-many-requests', 'Too many codes that do not work have been tried. Wait a few minutes, then try again.', {
    reason: 'too-many-tries',
    retryAfterSeconds: secondsLeft(window, now),
  });

async function countIn(tenant: TenantContext, key: { PK: string; SK: string }): Promise<number> {
  const { Item } = await tenant.db.send(new GetCommand({ TableName: tenant.tableName, Key: key, ProjectionExpression: 'wrong' }));
  return typeof Item?.wrong === 'number' ? Item.wrong : 0;
}

/** Refuses with 429 when this client, or this authority, has used up the window's wrong codes. */
export async function requireTriesLeft(tenant: TenantContext, client: string, now: Date): Promise<void> {
  const window = guessWindow(now);
  const [byClient, byAuthority] = await Promise.all([countIn(tenant, tenant.keys.wrongCodeCounter(window.index, client)), countIn(tenant, tenant.keys.wrongCodeCounter(window.index))]);
  if (byClient >= WRONG_CODES_PER_CLIENT || byAuthority >= WRONG_CODES_PER_AUTHORITY) throw tooManyTries(window, now);
}

/** Adds one within its limit; false when the limit was already reached (by a request racing this one). */
async function addWithin(tenant: TenantContext, key: { PK: string; SK: string }, limit: number, window: GuessWindow): Promise<boolean> {
  try {
    await tenant.db.send(
      new UpdateCommand({
        TableName: tenant.tableName,
        Key: key,
        UpdateExpression: 'ADD wrong :one SET #expires = :expires',
        ConditionExpression: 'attribute_not_exists(wrong) OR wrong < :limit',
        ExpressionAttributeNames: { '#expires': EXPIRY_ATTRIBUTE },
        ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':expires': window.endsAt + KEEP_AFTER_WINDOW_SECONDS },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Counts a code that was not found; a 429 instead of the 404 when this one went over a limit. */
export async function countWrongCode(tenant: TenantContext, client: string, now: Date): Promise<void> {
  const window = guessWindow(now);
  const [withinClient, withinAuthority] = await Promise.all([
    addWithin(tenant, tenant.keys.wrongCodeCounter(window.index, client), WRONG_CODES_PER_CLIENT, window),
    addWithin(tenant, tenant.keys.wrongCodeCounter(window.index), WRONG_CODES_PER_AUTHORITY, window),
  ]);
  if (!withinClient || !withinAuthority) throw tooManyTries(window, now);
}
