/**
 * Time-based one-time codes (TOTP, RFC 6238: six digits, a new one every 30 seconds) for the
 * local identity provider's second sign-in step, with otplib; the same kind of code Cognito asks
 * for in AWS, so any authenticator app works with both. Time comes from the one clock, so a test
 * that sets it signs in with codes for that time.
 */
import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { clock } from '@waypoint/shared/time/clock';

/**
 * The secret every seeded demo account is enrolled with, so the demo and the test suites sign in
 * through the real second step: add it to an authenticator app to sign in as a demo user.
 */
export const DEMO_TOTP_SECRET = 'WAYPOINTDEMOTOTPSECRETFORLOCALUS';

const ISSUER = 'Waypoint';

const epochSeconds = () => Math.floor(clock.now().getTime() / 1000);

export function newTotpSecret(): string {
  return generateSecret();
}

/** The code an authenticator app shows for `secret` now. */
export function currentCode(secret: string): Promise<string> {
  return generate({ secret, epoch: epochSeconds() });
}

/**
 * Whether `code` is a current code for `secret`; one 30-second step either side is accepted, for
 * a phone whose clock is a little out.
 */
export async function isCurrentCode(secret: string, code: string): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  return (await verify({ secret, token: code, epoch: epochSeconds(), epochTolerance: 30 })).valid;
}

/** What people type may have spaces or a dash in it (apps show "123 456"). */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** The QR code an authenticator app scans, as inline SVG named for people who cannot see it. */
export async function enrolmentQrCode(email: string, secret: string): Promise<string> {
  const uri = generateURI({ issuer: ISSUER, label: email, secret });
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return svg.replace('<svg ', '<svg role="img" aria-label="QR code to scan with your authenticator app" width="200" height="200" focusable="false" ');
}
