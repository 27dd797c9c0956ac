/** Specifies how the portal is hosted: CloudFront → HTTP API → portal Lambda, static files from S3. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakePortalBuild, synthWaypoint } from '../test-support/synth-waypoint.ts';
import type { SynthesizedWaypoint } from '../test-support/synth-waypoint.ts';
import { PortalBuildMissingError, locatePortalBuild } from './portal-build.ts';
import { contentSecurityPolicy } from './security-headers.ts';

const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';
const CERTIFICATE = 'arn:aws:acm:us-east-1:111122223333:certificate/abc';

let placeholder: SynthesizedWaypoint;
let built: SynthesizedWaypoint;
let buildDir: string;
beforeAll(() => {
  placeholder = synthWaypoint();
  buildDir = fakePortalBuild();
  built = synthWaypoint({ portalDomain: 'qa.northshire.example.gov.uk', portalCertificateArn: CERTIFICATE }, { portalBuildDir: buildDir });
});
afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }));

function distributionConfig(waypoint: SynthesizedWaypoint): Record<string, any> {
  const [distribution] = Object.values(waypoint.templates.application.findResources('AWS::CloudFront::Distribution'));
  return distribution!.Properties.DistributionConfig;
}

function portalEnvironment(waypoint: SynthesizedWaypoint): Record<string, unknown> {
  const fn = Object.values(waypoint.templates.application.findResources('AWS::Lambda::Function')).find((f) => /Waypoint portal/.test(f.Properties.Description ?? ''));
  return fn!.Properties.Environment.Variables;
}

describe('CloudFront', () => {
  it('sends pages, form posts and API calls to the HTTP API, uncached, with every method and all viewer headers but Host', () => {
    const config = distributionConfig(placeholder);
    const origin = config.Origins.find((o: any) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
    expect(JSON.stringify(origin.DomainName)).toMatch(/HttpApi.*\.execute-api\.eu-west-2\./);
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(config.DefaultCacheBehavior).toMatchObject({
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      ViewerProtocolPolicy: 'redirect-to-https',
    });
  });

  it('passes the viewer’s host on as x-forwarded-host, which the portal builds its URLs from', () => {
    const config = distributionConfig(placeholder);
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([expect.objectContaining({ EventType: 'viewer-request' })]);
    placeholder.templates.application.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: Match.stringLikeRegexp("request.headers\\['x-forwarded-host'\\] = \\{ value: request.headers.host.value \\}"),
    });
  });

  it('serves /_app/* from a private bucket through origin access control', () => {
    const config = distributionConfig(placeholder);
    const app = config.CacheBehaviors.find((b: any) => b.PathPattern === '/_app/*');
    const origin = config.Origins.find((o: any) => o.Id === app.TargetOriginId);
    expect(origin.OriginAccessControlId).toBeDefined();
    expect(origin.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
    expect(app.AllowedMethods).toEqual(['GET', 'HEAD']);
    placeholder.templates.application.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
    });
    placeholder.templates.application.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject' })]),
      },
    });
  });

  it('is protected by the WAF web ACL from the us-east-1 edge stack', () => {
    expect(JSON.stringify(distributionConfig(placeholder).WebACLId)).toMatch(/ExportsReader.*WebAclArn/);
  });

  it('adds HSTS, frame denial, no-sniff, a same-origin referrer policy and a strict CSP to every response', () => {
    placeholder.templates.application.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentTypeOptions: { Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'same-origin', Override: true },
          ContentSecurityPolicy: { ContentSecurityPolicy: Match.anyValue(), Override: false },
        },
      },
    });
    for (const config of [placeholder, built].map(distributionConfig)) {
      const behaviours = [config.DefaultCacheBehavior, ...config.CacheBehaviors];
      for (const behaviour of behaviours) expect(behaviour.ResponseHeadersPolicyId).toBeDefined();
    }
  });

  it('uses the CloudFront address without a custom domain, and the domain with TLS 1.2 when one is given', () => {
    expect(distributionConfig(placeholder).Aliases).toBeUndefined();
    expect(distributionConfig(built)).toMatchObject({
      Aliases: ['qa.northshire.example.gov.uk'],
      ViewerCertificate: { AcmCertificateArn: CERTIFICATE, MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
    });
  });
});

describe('the content security policy', () => {
  const csp = contentSecurityPolicy('https://waypoint.auth.eu-west-2.amazoncognito.com');

  it('allows nothing from another origin, no script and no framing', () => {
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('lets forms go only to the portal and the sign-in domain', () => {
    expect(csp).toContain("form-action 'self' https://waypoint.auth.eu-west-2.amazoncognito.com");
  });
});

describe('the portal Lambda', () => {
  it('knows its public origin, the issuer, its client id, the sign-in domain and the API', () => {
    const environment = portalEnvironment(placeholder);
    for (const key of ['ORIGIN', 'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'COGNITO_DOMAIN', 'API_URL']) expect(environment[key], key).toBeDefined();
    expect(JSON.stringify(environment.ORIGIN)).toMatch(/Distribution.*DomainName/);
    expect(portalEnvironment(built).ORIGIN).toBe('https://qa.northshire.example.gov.uk');
  });

  it('gets only the ARN of its generated session secret, which its role may read, never the value', () => {
    for (const waypoint of [placeholder, built]) {
      const template = waypoint.templates.application;
      const [secretId] = Object.keys(
        template.findResources('AWS::SecretsManager::Secret', {
          Properties: { Description: 'Seals Waypoint portal session cookies', GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true } },
        }),
      );
      const environment = portalEnvironment(waypoint);
      expect(environment.SESSION_SECRET_ARN).toEqual({ Ref: secretId });
      expect(environment).not.toHaveProperty('SESSION_SECRET');
      for (const [id, fn] of Object.entries(template.findResources('AWS::Lambda::Function'))) {
        expect(JSON.stringify(fn.Properties.Environment ?? {}), id).not.toContain('{{resolve:secretsmanager');
      }
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [{ Ref: Match.stringLikeRegexp('PortalRole') }],
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['secretsmanager:GetSecretValue']), Effect: 'Allow', Resource: { Ref: secretId } })]),
        },
      });
    }
  });

  it('is the clearly-labelled placeholder when there is no portal build, with a warning at synth', () => {
    expect(portalEnvironment(placeholder).PORTAL_BUILD).toBe('placeholder');
    expect(portalEnvironment(built).PORTAL_BUILD).toBe('built');
    const warning = Match.stringLikeRegexp('PLACEHOLDER portal is packaged');
    Annotations.fromStack(placeholder.stacks.application).hasWarning('*', warning);
    Annotations.fromStack(built.stacks.application).hasNoWarning('*', warning);
  });

  it('gets a cache behaviour for each top-level static file of a real build', () => {
    const patterns = distributionConfig(built)
      .CacheBehaviors.map((b: any) => b.PathPattern)
      .sort();
    expect(patterns).toEqual(['/_app/*', '/favicon.svg', '/robots.txt']);
    expect(distributionConfig(placeholder).CacheBehaviors.map((b: any) => b.PathPattern)).toEqual(['/_app/*']);
  });
});

describe('finding the portal build', () => {
  it('finds svelte-kit-sst’s handler, client files and pre-rendered pages', () => {
    const build = locatePortalBuild(buildDir, { required: true });
    expect(build.kind).toBe('built');
    expect(build.serverEntry).toBe(path.join(buildDir, 'server/lambda-handler/index.js'));
    expect(build.prerenderedDir).toBe(path.join(buildDir, 'prerendered'));
  });

  it('refuses to fall back to the placeholder when a build is required', () => {
    expect(() => locatePortalBuild(path.join(os.tmpdir(), 'no-such-portal-build'), { required: true })).toThrow(PortalBuildMissingError);
  });
});
