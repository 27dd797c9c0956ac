/**
 * Security headers CloudFront adds to every response: HSTS, no framing, no MIME sniffing, a
 * same-origin referrer policy, and a strict Content-Security-Policy (the portal's pages send
 * their own, the same for scripts: none).
 */
import { Duration } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';

/**
 * Everything from this origin only (no CDN fonts or trackers) and no script at all, since the
 * portal sends none; forms may post here or to the sign-in domain; no page may be framed by anyone.
 */
export function contentSecurityPolicy(signInOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'none'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    `form-action 'self' ${signInOrigin}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}

export function securityHeadersPolicy(scope: Construct, id: string, signInOrigin: string): ResponseHeadersPolicy {
  return new ResponseHeadersPolicy(scope, id, {
    comment: 'Waypoint security headers',
    securityHeadersBehavior: {
      // Not overriding: a page that sends its own policy keeps it; everything
      // else, including errors and static files, gets this one.
      contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(signInOrigin), override: false },
      strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      contentTypeOptions: { override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.SAME_ORIGIN, override: true },
    },
    customHeadersBehavior: {
      customHeaders: [
        { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()', override: true },
        { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
      ],
    },
    removeHeaders: ['Server', 'X-Powered-By'],
  });
}
