/**
 * The HTTP API every request reaches through CloudFront: the staff API behind a JWT
 * authorizer, the public engagement routes open, and everything else to the portal Lambda.
 * Throttled per stage and more tightly on public routes; access logs carry no source IP.
 */
import { Stack } from 'aws-cdk-lib';
import { CfnStage, HttpApi, HttpMethod, HttpNoneAuthorizer, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import type { HttpRoute, IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';

import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { API_GROUP_PREFIXES, API_GROUPS, apiGroupForPath, type ApiGroup } from '../../functions/src/api/api-groups.ts';

export interface Throttle {
  rateLimit: number;
  burstLimit: number;
}

/** Routes open without a token: the engagement area's API, the health check and the API description. */
export const OPEN_API_ROUTES = [
  { path: '/v1/public/{proxy+}', methods: [HttpMethod.ANY] },
  { path: '/v1/health', methods: [HttpMethod.GET] },
  { path: '/v1/openapi.json', methods: [HttpMethod.GET] },
  { path: '/v1/reference', methods: [HttpMethod.GET] },
] as const;

/**
 * Every access token the hosted sign-in issues carries `openid`; ID tokens carry no scope at
 * all, so requiring it turns ID tokens away at the gateway (the API checks `token_use` too).
 */
export const STAFF_API_SCOPES = ['openid'];

/** Everything else under /v1 needs a valid access token from the user pool; what no group names goes to the casework function. */
export const STAFF_API_ROUTE = { path: '/v1/{proxy+}', methods: [HttpMethod.ANY] } as const;

/** The portal's public engagement pages, given their own (tighter) throttle. */
export const PUBLIC_PORTAL_PATHS = ['/have-your-say', '/have-your-say/{proxy+}'] as const;

/**
 * The access log line: who (by token subject, never IP or user agent), what route, the
 * outcome and timings. No query strings, so no invitation codes.
 */
export const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  httpMethod: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  subject: '$context.authorizer.claims.sub',
} as const;

export interface WaypointHttpApiProps {
  logRetention: RetentionDays;
  throttle: Throttle;
  publicThrottle: Throttle;
}

export class WaypointHttpApi extends Construct {
  readonly api: HttpApi;
  readonly stage: HttpStage;
  /** `<api id>.execute-api.<region>.amazonaws.com`, CloudFront's origin. */
  readonly originDomainName: string;
  /** Routes without the JWT authorizer, by path, so each can be accounted for. */
  readonly openRoutes = new Map<string, HttpRoute[]>();
  /** Routes with the public throttle, by route key (`ANY /v1/public/{proxy+}`). */
  private readonly throttledRoutes = new Map<string, HttpRoute>();
  private readonly publicThrottle: Throttle;

  constructor(scope: Construct, id: string, props: WaypointHttpApiProps) {
    super(scope, id);
    this.publicThrottle = props.publicThrottle;
    this.api = new HttpApi(this, 'Api', {
      description: 'Waypoint: staff API, public engagement API and portal',
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: props.logRetention });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });
    const stack = Stack.of(this);
    this.originDomainName = `${this.api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }

  /**
   * Staff routes verify Cognito access tokens issued to the portal's app client. Each group's
   * function gets `/v1/<prefix>` and `/v1/<prefix>/{proxy+}` for its prefixes
   * (functions/src/api/api-groups.ts), and the casework function everything else under /v1;
   * API Gateway picks the most specific route. The open routes go to the function of their group.
   */
  addApiRoutes(handlers: Record<ApiGroup, IFunction>, jwt: { issuerUrl: string; audience: string[] }): void {
    const integrations = Object.fromEntries(API_GROUPS.map((group) => [group, new HttpLambdaIntegration(group === 'casework' ? 'ApiIntegration' : `ApiIntegration-${group}`, handlers[group])])) as Record<ApiGroup, HttpLambdaIntegration>;
    const authorizer: IHttpRouteAuthorizer = new HttpJwtAuthorizer('CognitoAccessTokens', jwt.issuerUrl, {
      jwtAudience: jwt.audience,
      identitySource: ['$request.header.Authorization'],
    });
    const staffRoute = (path: string, group: ApiGroup) =>
      this.api.addRoutes({
        path,
        methods: [...STAFF_API_ROUTE.methods],
        integration: integrations[group],
        authorizer,
        authorizationScopes: STAFF_API_SCOPES,
      });
    staffRoute(STAFF_API_ROUTE.path, 'casework');
    const openPrefixes = new Set(OPEN_API_ROUTES.map((route) => route.path.split('/')[2]));
    for (const group of API_GROUPS) {
      for (const prefix of API_GROUP_PREFIXES[group] as readonly string[]) {
        if (openPrefixes.has(prefix)) continue;
        staffRoute(`/v1/${prefix}`, group);
        staffRoute(`/v1/${prefix}/{proxy+}`, group);
      }
    }
    for (const route of OPEN_API_ROUTES) {
      const routes = this.api.addRoutes({
        path: route.path,
        methods: [...route.methods],
        integration: integrations[apiGroupForPath(route.path)],
        authorizer: new HttpNoneAuthorizer(),
      });
      this.openRoutes.set(route.path, routes);
      if (route.path.startsWith('/v1/public')) this.throttle(routes, route.path);
    }
  }

  /** The portal answers everything the API does not, including plain HTML form POSTs. */
  addPortalRoutes(handler: IFunction): void {
    const integration = new HttpLambdaIntegration('PortalIntegration', handler);
    for (const path of ['/', '/{proxy+}']) {
      this.openRoutes.set(path, this.api.addRoutes({ path, methods: [HttpMethod.ANY], integration }));
    }
    for (const path of PUBLIC_PORTAL_PATHS) {
      const routes = this.api.addRoutes({ path, methods: [HttpMethod.ANY], integration });
      this.openRoutes.set(path, routes);
      this.throttle(routes, path);
    }
  }

  private throttle(routes: HttpRoute[], path: string): void {
    for (const route of routes) this.throttledRoutes.set(`${HttpMethod.ANY} ${path}`, route);
  }

  /** Route-level throttles are keyed by route key, so the stage must come after the routes. */
  applyRouteThrottles(): void {
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    // RouteSettings is a free-form map in the L1, so CloudFormation's own (Pascal-case) names.
    cfnStage.routeSettings = Object.fromEntries([...this.throttledRoutes.keys()].map((routeKey) => [routeKey, { ThrottlingRateLimit: this.publicThrottle.rateLimit, ThrottlingBurstLimit: this.publicThrottle.burstLimit }]));
    for (const route of this.throttledRoutes.values()) this.stage.node.addDependency(route);
  }
}
