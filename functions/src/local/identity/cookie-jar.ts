/**
 * A minimal cookie jar for the scripted sign-in: keeps the provider's cookies between
 * requests to one origin and honours their paths and deletions. Not a browser's jar.
 */

interface StoredCookie {
  value: string;
  path: string;
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  const prefix = cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`;
  return requestPath.startsWith(prefix);
}

function isDeletion(attributes: Map<string, string>): boolean {
  const maxAge = attributes.get('max-age');
  if (maxAge !== undefined) return Number(maxAge) <= 0;
  const expires = attributes.get('expires');
  return expires !== undefined && Date.parse(expires) <= Date.now();
}

export class CookieJar {
  readonly #cookies = new Map<string, StoredCookie>();

  /** Stores the `Set-Cookie` headers of a response from `url`. */
  store(url: string, response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...rest] = header.split(';');
      const separator = pair.indexOf('=');
      if (separator <= 0) continue;
      const name = pair.slice(0, separator).trim();
      const attributes = new Map(
        rest.map((attribute) => {
          const [key = '', ...value] = attribute.split('=');
          return [key.trim().toLowerCase(), value.join('=').trim()] as const;
        }),
      );
      const path = attributes.get('path') || new URL(url).pathname.replace(/\/[^/]*$/, '') || '/';
      const key = `${name};${path}`;
      if (isDeletion(attributes)) this.#cookies.delete(key);
      else this.#cookies.set(key, { value: pair.slice(separator + 1).trim(), path });
    }
  }

  /** The `Cookie` header value for a request to `url`, or undefined when none apply. */
  headerFor(url: string): string | undefined {
    const { pathname } = new URL(url);
    const pairs = [...this.#cookies.entries()].filter(([, cookie]) => pathMatches(pathname, cookie.path)).map(([key, cookie]) => `${key.slice(0, key.indexOf(';'))}=${cookie.value}`);
    return pairs.length > 0 ? pairs.join('; ') : undefined;
  }
}
