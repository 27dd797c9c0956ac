/**
 * `npm run -s token -- <email>`: signs in to the local identity provider as a demo account
 * and prints one line, the access token, so it can be pasted into curl or a script.
 */
import { pathToFileURL } from 'node:url';
import { DEMO_PASSWORD } from './identity/demo-password.ts';
import { IdentityProviderUnreachableError, SignInRefusedError, fetchAccessToken } from './identity/sign-in-flow.ts';

const USAGE = 'Usage: npm run -s token -- <email>\n(OIDC_ISSUER or OIDC_PORT choose the provider; WAYPOINT_DEMO_PASSWORD overrides the demo password.)';

export interface TokenCommandIo {
  args: string[];
  env: Record<string, string | undefined>;
  writeOut(line: string): void;
  writeError(line: string): void;
}

/** Returns the exit code: 0 printed a token, 1 sign-in failed, 2 wrong usage. */
export async function runTokenCommand(io: TokenCommandIo): Promise<number> {
  const [email, ...extra] = io.args;
  if (!email || extra.length > 0 || email.startsWith('-')) {
    io.writeError(USAGE);
    return 2;
  }
  const issuer = io.env.OIDC_ISSUER || `http://localhost:${io.env.OIDC_PORT || 3100}`;
  const password = io.env.WAYPOINT_DEMO_PASSWORD || DEMO_PASSWORD;
  try {
    io.writeOut(await fetchAccessToken({ issuer, email, password }));
    return 0;
  } catch (error) {
    if (error instanceof SignInRefusedError) {
      io.writeError(`No token for ${email}: the identity provider at ${issuer} refused the email address or password (or the account is not active).`);
    } else if (error instanceof IdentityProviderUnreachableError) {
      io.writeError(`${error.message} Start Waypoint with \`npm start\`, or set OIDC_ISSUER.`);
    } else {
      io.writeError(`No token for ${email}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runTokenCommand({
    args: process.argv.slice(2),
    env: process.env,
    writeOut: (line) => process.stdout.write(`${line}\n`),
    writeError: (line) => process.stderr.write(`${line}\n`),
  });
}
