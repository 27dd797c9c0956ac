/** The emails a local stack has queued, as its development outbox (`/v1/dev/outbox`) lists them. */
import type { TestStack } from './stack.ts';

export interface OutboxMessage {
  to: string;
  subject: string;
  text: string;
}

/** The outbox as `email` sees it (their authority's messages, newest first), up to `limit` of them. */
export async function outboxAs(stack: TestStack, email: string, limit?: number): Promise<OutboxMessage[]> {
  const response = await stack.api(email, `/v1/dev/outbox${limit === undefined ? '' : `?limit=${limit}`}`);
  return ((await response.json()) as { items: OutboxMessage[] }).items;
}
