/** Where to send a user after sign-in: only a path on this site, never another origin. */

const AUTH_PATHS = ['/signin', '/signout', '/auth/'];

export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // Returning to the sign-in pages themselves would loop.
  if (AUTH_PATHS.some((p) => value === p || value.startsWith(p.endsWith('/') ? p : `${p}?`) || value.startsWith(`${p}/`))) return '/';
  return value;
}
