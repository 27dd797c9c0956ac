/**
 * Why the public area refused something, as the `reason` of its problem+json answer, so
 * the portal can show a friendly page for each: the status says what kind of refusal it
 * is, the reason which page to show.
 */

export const PUBLIC_PROBLEM_REASONS = {
  /** 404: no authority has this address. */
  'unknown-area': 404,
  /** 404: no such code here (it may belong to another authority, or be mistyped). */
  'unknown-code': 404,
  /** 404: no such activity with a public link here. */
  'unknown-activity': 404,
  /** 410: the code's last day has passed. */
  'code-expired': 410,
  /** 410: staff withdrew the code. */
  'code-revoked': 410,
  /** 410: a single-use code whose response was sent, or a shared code that has taken all it may. */
  'code-used': 410,
  /** 410: this response was already sent; nothing more can be saved to it. */
  'response-sent': 410,
  /** 410: the activity has not opened yet or has closed. */
  'activity-not-open': 410,
  /** 429: too many sessions or responses with this code (or the public link today). */
  'too-many-responses': 429,
  /** 429: too many wrong codes from this client or at this authority just now; `Retry-After` says when to try again. */
  'too-many-tries': 429,
  /** 429: pages asked for faster than the area allows one visitor or session; `Retry-After` says when to try again. */
  'too-many-requests': 429,
  /** 403: the authority's service is paused (suspended, or past its leaving day): its area, codes and open sessions are refused. */
  'tenant-suspended': 403,
  /** 401: the session is missing, has expired, or was not made for this address. */
  'session-expired': 401,
} as const;

export type PublicProblemReason = keyof typeof PUBLIC_PROBLEM_REASONS;
