/**
 * CloudFront in front of everything: dynamic requests (pages, form POSTs, the API) go to the
 * HTTP API uncached with all viewer headers except Host; `/_app/*` and the portal's static
 * files come from a private S3 bucket through origin access control. The WAF web ACL (from
 * the us-east-1 edge stack) and the security headers apply to every response.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import type { BehaviorOptions, IResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { Role } from 'aws-cdk-lib/aws-iam';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from '@waypoint/shared/config/origin-verify';
import { lambdaRoleWritingTo } from '../config/node-function.ts';
import type { CustomDomain } from '../config/settings.ts';
import type { PortalBuild } from './portal-build.ts';

/**
 * svelte-kit-sst builds the request URL from `x-forwarded-host`; CloudFront must not forward
 * Host itself (API Gateway routes on it), so copy the viewer's Host into that header.
 */
export const FORWARD_HOST_FUNCTION = `function handler(event) {
  var request = event.request;
  request.headers['x-forwarded-host'] = { value: request.headers.host.value };
  return request;
}`;

export interface PortalDistributionProps {
  build: PortalBuild;
  apiOriginDomainName: string;
  /**
   * The secret CloudFront sends to the HTTP API as `x-origin-verify` (a CloudFormation dynamic
   * reference, resolved at deploy time, never in the template), and the label of its current
   * rotation: changing the label updates the distribution, which resolves the secret anew.
   */
  originVerify: { value: string; rotation: string };
  headers: IResponseHeadersPolicy;
  webAclArn: string;
  customDomain: CustomDomain | undefined;
  logRetention: RetentionDays;
}

export class PortalDistribution extends Construct {
  readonly distribution: Distribution;
  readonly assets: Bucket;
  /** The role of CDK's bucket-deployment handler, which copies the built files into `assets`. */
  readonly assetDeploymentRole: Role;
  /** `https://<portal host>`, for the OAuth callback and the portal's own settings. */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: PortalDistributionProps) {
    super(scope, id);
    this.assets = new Bucket(this, 'Assets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Built files only: nothing here that a rebuild cannot restore, so keep it out of the way.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const forwardHost = new CloudFrontFunction(this, 'ForwardHost', {
      code: FunctionCode.fromInline(FORWARD_HOST_FUNCTION),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Copies Host into x-forwarded-host for the portal',
    });

    const assetsOrigin = S3BucketOrigin.withOriginAccessControl(this.assets);
    const staticBehaviour: BehaviorOptions = {
      origin: assetsOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: props.headers,
      compress: true,
    };
    const staticBehaviours: Record<string, BehaviorOptions> = { '/_app/*': staticBehaviour };
    for (const entry of props.build.staticEntries) {
      staticBehaviours[entry.isDirectory ? `/${entry.name}/*` : `/${entry.name}`] = staticBehaviour;
    }

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Waypoint (origin secret: ${props.originVerify.rotation})`,
      defaultBehavior: {
        origin: new HttpOrigin(props.apiOriginDomainName, {
          customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originVerify.value },
          protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
          originSslProtocols: [OriginSslPolicy.TLS_V1_2],
          readTimeout: Duration.seconds(30),
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: CachePolicy.CACHING_DISABLED,
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: props.headers,
        functionAssociations: [{ function: forwardHost, eventType: FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      additionalBehaviors: staticBehaviours,
      webAclId: props.webAclArn,
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Users are in the UK: Europe and North America edges are enough, and cheapest.
      priceClass: PriceClass.PRICE_CLASS_100,
      ...(props.customDomain
        ? {
            // Only a custom certificate can raise the viewer TLS floor; *.cloudfront.net stays at TLSv1.
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
            domainNames: [props.customDomain.domainName],
            certificate: Certificate.fromCertificateArn(this, 'Certificate', props.customDomain.certificateArn),
          }
        : {}),
    });
    this.origin = `https://${props.customDomain?.domainName ?? this.distribution.distributionDomainName}`;

    const logGroup = new LogGroup(this, 'AssetDeploymentLogs', { retention: props.logRetention });
    // Both deployments share one CDK-provided handler; give it a role without managed policies.
    this.assetDeploymentRole = lambdaRoleWritingTo(this, 'AssetDeploymentRole', logGroup);
    this.deployAssets(props.build, logGroup);
  }

  /** Hashed bundles are immutable; everything else must be revalidated. Old files stay for pages still open. */
  private deployAssets(build: PortalBuild, logGroup: LogGroup): void {
    const role = this.assetDeploymentRole;
    new BucketDeployment(this, 'ImmutableAssets', {
      sources: [Source.asset(build.clientDir)],
      destinationBucket: this.assets,
      include: ['_app/immutable/*'],
      exclude: ['*'],
      prune: false,
      cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
      logGroup,
      role,
    });
    new BucketDeployment(this, 'MutableAssets', {
      sources: [Source.asset(build.clientDir)],
      destinationBucket: this.assets,
      exclude: ['_app/immutable/*'],
      prune: false,
      cacheControl: [CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/_app/*', ...build.staticEntries.map((e) => (e.isDirectory ? `/${e.name}/*` : `/${e.name}`))],
      logGroup,
      role,
    });
  }
}
