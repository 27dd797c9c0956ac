import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ACCOUNTS, TEST_PASSWORD, startTestIdentity, unusedPort, type TestIdentity } from './identity/test-identity.ts';
import { runTokenCommand } from './token.ts';

let identity: TestIdentity;

beforeAll(async () => {
  identity = await startTestIdentity();
});

afterAll(async () => {
  await identity?.close();
});

async function run(args: string[], env: Record<string, string | undefined>) {
  const out: string[] = [];
  const errors: string[] = [];
  const code = await runTokenCommand({ args, env, writeOut: (line) => out.push(line), writeError: (line) => errors.push(line) });
  return { code, out, errors };
}

describe('the token command', () => {
  it('prints exactly one line, the access token, and exits 0', async () => {
    const result = await run([TEST_ACCOUNTS.practitioner.email], { OIDC_ISSUER: identity.issuer, WAYPOINT_DEMO_PASSWORD: TEST_PASSWORD });
    expect(result.code).toBe(0);
    expect(result.out).toHaveLength(1);
    expect(result.errors).toEqual([]);
    expect(decodeJwt(result.out[0]!).sub).toBe(TEST_ACCOUNTS.practitioner.userId);
  });

  it('finds the provider from OIDC_PORT when OIDC_ISSUER is not set', async () => {
    const port = new URL(identity.issuer).port;
    const result = await run([TEST_ACCOUNTS.operator.email], { OIDC_PORT: port, WAYPOINT_DEMO_PASSWORD: TEST_PASSWORD });
    expect(result.code).toBe(0);
  });

  it('exits 1 with a message on stderr and nothing on stdout for an unknown email', async () => {
    const result = await run(['nobody@example.org'], { OIDC_ISSUER: identity.issuer, WAYPOINT_DEMO_PASSWORD: TEST_PASSWORD });
    expect(result).toMatchObject({ code: 1, out: [] });
    expect(result.errors.join('\n')).toMatch(/refused the email address or password/);
  });

  it('exits 1 for a wrong password (here: the demo password, which these accounts do not use)', async () => {
    const result = await run([TEST_ACCOUNTS.practitioner.email], { OIDC_ISSUER: identity.issuer });
    expect(result).toMatchObject({ code: 1, out: [] });
  });

  it('exits 1 and says so clearly when the provider is not running', async () => {
    const issuer = `http://127.0.0.1:${await unusedPort()}`;
    const result = await run(['a@example.org'], { OIDC_ISSUER: issuer });
    expect(result).toMatchObject({ code: 1, out: [] });
    expect(result.errors.join('\n')).toContain(`Cannot reach the identity provider at ${issuer} (ECONNREFUSED). Is it running? Start Waypoint with \`npm start\``);
  });

  it('exits 2 with usage help when no email is given', async () => {
    const result = await run([], {});
    expect(result.code).toBe(2);
    expect(result.errors.join('\n')).toMatch(/^Usage:/);
  });

  it('runs as a script, writing only the token to stdout', async () => {
    const script = fileURLToPath(new URL('./token.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, TEST_ACCOUNTS.practitioner.email], {
      env: { ...process.env, OIDC_ISSUER: identity.issuer, WAYPOINT_DEMO_PASSWORD: TEST_PASSWORD },
    });
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
  });
});
