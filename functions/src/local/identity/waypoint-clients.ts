/**
 * The names the local identity provider, its clients and the API agree on. Kept apart from
 * the provider's configuration so the token command can use them without loading oidc-provider.
 */

/** The resource indicator of the API (oidc-provider requires an absolute URI). */
export const API_RESOURCE = 'urn:waypoint:api';
/** The `aud` of every access token, which the API checks. */
export const API_AUDIENCE = 'waypoint-api';
export const PORTAL_CLIENT_ID = 'waypoint-portal';
export const CLI_CLIENT_ID = 'waypoint-cli';
/** Never served: the token command reads the code from the redirect without following it. */
export const CLI_REDIRECT_URI = 'http://127.0.0.1/cli-callback';
