/** Specifies the HTTP API, the API, jobs and imports Lambdas, their schedules and their settings. */
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthWaypoint } from '../test-support/synth-waypoint.ts';
import { API_GROUPS } from '../../functions/src/api/api-groups.ts';
import { FEDERATION_ACTIONS, IMPORT_ACCOUNT_ACTIONS, OFFBOARDING_ACCOUNT_ACTIONS, OFFBOARDING_PROVIDER_ACTIONS } from './api-functions.ts';
import type { SynthesizedWaypoint } from '../test-support/synth-waypoint.ts';

let waypoint: SynthesizedWaypoint;
beforeAll(() => {
  waypoint = synthWaypoint({ logLevel: 'WARN', logRetentionDays: 30 });
});

const resources = (type: string) => Object.entries(waypoint.templates.application.findResources(type));

function routes(): Record<string, { AuthorizationType: string; AuthorizationScopes?: string[]; Target: unknown }> {
  return Object.fromEntries(resources('AWS::ApiGatewayV2::Route').map(([, route]) => [route.Properties.RouteKey, route.Properties]));
}

function lambda(descriptionPattern: RegExp): Record<string, any> {
  const found = resources('AWS::Lambda::Function').find(([, fn]) => descriptionPattern.test(fn.Properties.Description ?? ''));
  if (!found) throw new Error(`No function described ${descriptionPattern}`);
  return found[1].Properties;
}

describe('the HTTP API', () => {
  it('guards the staff API with a JWT authorizer for access tokens (openid scope) issued to the portal client', () => {
    expect(routes()['ANY /v1/{proxy+}']).toMatchObject({ AuthorizationType: 'JWT', AuthorizationScopes: ['openid'] });
    waypoint.templates.application.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('PortalClient') }],
        Issuer: Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('https://cognito-idp.eu-west-2.')])] }),
      },
    });
  });

  it('leaves open exactly the public engagement API, the health check, the API description and the portal', () => {
    const open = Object.entries(routes())
      .filter(([, route]) => route.AuthorizationType === 'NONE')
      .map(([key]) => key)
      .sort();
    expect(open).toEqual(['ANY /', 'ANY /have-your-say', 'ANY /have-your-say/{proxy+}', 'ANY /v1/public/{proxy+}', 'ANY /{proxy+}', 'GET /v1/health', 'GET /v1/openapi.json', 'GET /v1/reference']);
  });

  it('sends /v1 to the API Lambda and everything else to the portal Lambda', () => {
    const integrations = Object.fromEntries(resources('AWS::ApiGatewayV2::Integration').map(([id, i]) => [id, JSON.stringify(i.Properties.IntegrationUri)]));
    const targetOf = (key: string) => {
      const target = JSON.stringify(routes()[key]?.Target);
      const integrationId = Object.keys(integrations).find((id) => target.includes(id));
      return integrations[integrationId ?? ''];
    };
    expect(targetOf('ANY /v1/{proxy+}')).toMatch(/FunctionsApi/);
    expect(targetOf('ANY /v1/public/{proxy+}')).toMatch(/FunctionsApi/);
    expect(targetOf('ANY /{proxy+}')).toMatch(/Portal/);
    expect(targetOf('ANY /have-your-say/{proxy+}')).toMatch(/Portal/);
  });

  it('throttles the stage, and the public routes more tightly', () => {
    waypoint.templates.application.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      RouteSettings: {
        'ANY /v1/public/{proxy+}': { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
        'ANY /have-your-say': { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
        'ANY /have-your-say/{proxy+}': { ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 },
      },
    });
  });

  it('writes access logs without the source IP or user agent', () => {
    const [, stage] = resources('AWS::ApiGatewayV2::Stage')[0]!;
    const format = stage.Properties.AccessLogSettings.Format as string;
    const fields = JSON.parse(format) as Record<string, string>;
    expect(fields).toMatchObject({ requestId: '$context.requestId', status: '$context.status', routeKey: '$context.routeKey' });
    expect(format).not.toMatch(/sourceIp|userAgent|identity\./);
  });
});

describe('no way around CloudFront', () => {
  it('has CloudFront send the HTTP API a secret header, resolved from Secrets Manager at deploy time, never written in the template', () => {
    const [distribution] = Object.values(waypoint.templates.application.findResources('AWS::CloudFront::Distribution'));
    const apiOrigin = (distribution!.Properties.DistributionConfig.Origins as any[]).find((origin) => origin.CustomOriginConfig);
    const [header] = apiOrigin.OriginCustomHeaders as { HeaderName: string; HeaderValue: unknown }[];
    expect(header!.HeaderName).toBe('x-origin-verify');
    const value = JSON.stringify(header!.HeaderValue);
    expect(value).toContain('{{resolve:secretsmanager:');
    expect(value).toMatch(/OriginVerifySecret/);
    expect(distribution!.Properties.DistributionConfig.Comment).toBe('Waypoint (origin secret: first)');
  });

  it('tells every API function and the portal which secret to require, and lets them read it', () => {
    const functions = resources('AWS::Lambda::Function').filter(([, fn]) => /Waypoint API|Waypoint portal/.test(fn.Properties.Description ?? ''));
    expect(functions).toHaveLength(5);
    for (const [, fn] of functions) expect(JSON.stringify(fn.Properties.Environment.Variables.ORIGIN_VERIFY_SECRET_ARN)).toMatch(/OriginVerifySecret/);
    const readers = resources('AWS::IAM::Policy').filter(([, policy]) =>
      (policy.Properties.PolicyDocument.Statement as any[]).some((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue') && JSON.stringify(s.Resource).includes('OriginVerifySecret')),
    );
    expect(readers).toHaveLength(5);
    // The jobs are not behind the HTTP API and need no part of it.
    expect(lambda(/scheduled jobs/).Environment.Variables).not.toHaveProperty('ORIGIN_VERIFY_SECRET_ARN');
  });

  it('sends a rotated value to CloudFront when the rotation label changes', () => {
    const rotated = synthWaypoint({ originSecretRotation: '2027-01' });
    const [distribution] = Object.values(rotated.templates.application.findResources('AWS::CloudFront::Distribution'));
    expect(distribution!.Properties.DistributionConfig.Comment).toBe('Waypoint (origin secret: 2027-01)');
  });
});

describe('the Lambdas', () => {
  it('keep concurrency for the jobs alone, so a flood of requests cannot stop email, reminders or retention', () => {
    expect(lambda(/scheduled jobs/).ReservedConcurrentExecutions).toBe(5);
    // The API is not capped: per-tenant limits in the API hold one authority back instead.
    expect(lambda(/Waypoint API/).ReservedConcurrentExecutions).toBeUndefined();
  });

  it('run Node 24 on arm64, each with its own log group kept for the configured period', () => {
    const functions = resources('AWS::Lambda::Function').filter(([id]) => /Functions|Portal/.test(id) && !id.includes('Bucket'));
    expect(functions.length).toBeGreaterThanOrEqual(3);
    for (const [, fn] of functions) {
      expect(fn.Properties.Runtime).toBe('nodejs24.x');
      expect(fn.Properties.Architectures).toEqual(['arm64']);
      expect(fn.Properties.LoggingConfig.LogGroup).toBeDefined();
    }
    for (const [, group] of resources('AWS::Logs::LogGroup')) expect(group.Properties.RetentionInDays).toBe(30);
  });

  it('load no source map at start: the map ships beside the bundle, and no function sets NODE_OPTIONS', () => {
    for (const [, fn] of resources('AWS::Lambda::Function')) {
      expect(fn.Properties.Environment?.Variables ?? {}).not.toHaveProperty('NODE_OPTIONS');
    }
    // CommonJS bundles (index.js) for the API and jobs; CDK names the handler after the file's stem either way.
    expect(lambda(/Waypoint API/).Handler).toBe('index.handler');
    expect(lambda(/Waypoint scheduled jobs/).Handler).toBe('index.handler');
  });

  it('give the API the settings its config reads, and the logger its level from context', () => {
    expect(lambda(/Waypoint API/).Environment.Variables).toMatchObject({
      USER_POOL_ID: expect.anything(),
      SERVICE_NAME: 'waypoint-api',
      LOG_LEVEL: 'WARN',
    });
    for (const group of API_GROUPS) {
      const variables = lambda(new RegExp(`Waypoint API \\(Hono\\), the ${group} routes`)).Environment.Variables as Record<string, unknown>;
      for (const key of ['TABLE_NAME', 'OIDC_ISSUER', 'API_AUDIENCE', 'TENANT_DATA_ROLE_ARN', 'PLATFORM_DATA_ROLE_ARN', 'PORTAL_URL', ...(group === 'engagement' ? ['ENGAGEMENT_SESSION_SECRET_ARN'] : [])]) {
        expect(variables[key], `${group}: ${key}`).toBeDefined();
      }
      expect(variables).not.toHaveProperty('AWS_REGION');
    }
  });

  it('give the API and the jobs the portal’s public address, the one the portal itself is given, for links in emails', () => {
    const portal = lambda(/^Waypoint portal/).Environment.Variables as Record<string, unknown>;
    for (const fn of [lambda(/Waypoint API/), lambda(/scheduled jobs/)]) {
      const variables = fn.Environment.Variables as Record<string, unknown>;
      expect(variables.PORTAL_URL).toBeDefined();
      expect(variables.PORTAL_URL).toEqual(portal.ORIGIN);
    }
  });

  it('give the API function of the engagement routes only the ARN of the public area’s generated signing secret, which its role alone may read, never the value', () => {
    const [secretId] = Object.keys(
      waypoint.templates.application.findResources('AWS::SecretsManager::Secret', {
        Properties: { Description: 'Signs Waypoint have-your-say session tokens' },
      }),
    );
    const variables = lambda(/Waypoint API \(Hono\), the engagement routes/).Environment.Variables as Record<string, unknown>;
    expect(variables.ENGAGEMENT_SESSION_SECRET_ARN).toEqual({ Ref: secretId });
    expect(lambda(/Waypoint API \(Hono\), the casework routes/).Environment.Variables).not.toHaveProperty('ENGAGEMENT_SESSION_SECRET_ARN');
    expect(variables).not.toHaveProperty('ENGAGEMENT_SESSION_SECRET');
    expect(lambda(/scheduled jobs/).Environment.Variables).not.toHaveProperty('ENGAGEMENT_SESSION_SECRET_ARN');
    // No function's configuration resolves a secret into its environment.
    for (const [id, fn] of resources('AWS::Lambda::Function')) expect(JSON.stringify(fn.Properties.Environment ?? {}), id).not.toContain('{{resolve:secretsmanager');
    waypoint.templates.application.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('FunctionsApiEngagementRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Action: Match.arrayWith(['secretsmanager:GetSecretValue']), Effect: 'Allow', Resource: { Ref: secretId } })]),
      },
    });
    // Only that function reads it.
    const readers = resources('AWS::IAM::Policy').filter(([, policy]) => JSON.stringify(policy.Properties.PolicyDocument).includes(`"Ref":"${secretId}"`));
    expect(readers.map(([, policy]) => JSON.stringify(policy.Properties.Roles))).toEqual([expect.stringMatching(/FunctionsApiEngagementRole/)]);
  });

  it('share the visitor-address signing secret between the portal and the engagement routes alone, by ARN', () => {
    const [secretId] = Object.keys(
      waypoint.templates.application.findResources('AWS::SecretsManager::Secret', {
        Properties: { Description: 'Signs the visitor addresses the Waypoint portal passes to the API' },
      }),
    );
    expect(secretId).toBeDefined();
    expect((lambda(/Waypoint API \(Hono\), the engagement routes/).Environment.Variables as Record<string, unknown>).CLIENT_ADDRESS_SECRET_ARN).toEqual({ Ref: secretId });
    expect((lambda(/^Waypoint portal/).Environment.Variables as Record<string, unknown>).CLIENT_ADDRESS_SECRET_ARN).toEqual({ Ref: secretId });
    for (const other of [/the casework routes/, /the platform routes/, /the insight routes/, /scheduled jobs/]) expect(lambda(other).Environment.Variables).not.toHaveProperty('CLIENT_ADDRESS_SECRET_ARN');
    const readers = resources('AWS::IAM::Policy').filter(([, policy]) => JSON.stringify(policy.Properties.PolicyDocument).includes(`"Ref":"${secretId}"`));
    expect(readers.map(([, policy]) => JSON.stringify(policy.Properties.Roles)).sort()).toEqual([expect.stringMatching(/FunctionsApiEngagementRole/), expect.stringMatching(/PortalServiceRole|PortalRole/)].sort());
  });

  it('let the API manage staff accounts in the user pool and nothing wider', () => {
    waypoint.templates.application.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'ManageStaffAccounts',
            Action: Match.arrayWith(['cognito-idp:AdminCreateUser', 'cognito-idp:AdminUpdateUserAttributes']),
            Resource: Match.objectLike({ 'Fn::ImportValue': Match.stringLikeRegexp('UserPool') }),
          }),
        ]),
      },
    });
  });

  it('let the API connect councils’ identity providers in the user pool only, and nothing wider', () => {
    const statements = resources('AWS::IAM::Policy').flatMap(([, policy]) =>
      (policy.Properties.PolicyDocument.Statement as { Sid?: string; Action: string | string[]; Resource: unknown; Effect: string }[]).map((statement) => ({ ...statement, roles: JSON.stringify(policy.Properties.Roles) })),
    );
    const federation = statements.filter((statement) => statement.Sid === 'ConnectCouncilProviders');
    expect(federation).toHaveLength(1);
    const [granted] = federation;
    expect(granted?.roles).toMatch(/FunctionsApiRole/);
    expect(granted?.Effect).toBe('Allow');
    expect([granted?.Action].flat().sort()).toEqual([...FEDERATION_ACTIONS].sort());
    expect(granted?.Resource).toEqual({ 'Fn::ImportValue': expect.stringMatching(/UserPool.*Arn/) });
    // No other statement, for any role, grants these actions or any cognito-idp wildcard, but the
    // offboarding job's removal of an authority's own provider (it creates and changes none).
    const removal = statements.filter((statement) => statement.Sid === 'RemoveOffboardedProviders');
    expect(removal).toHaveLength(1);
    expect(removal[0]?.roles).toMatch(/FunctionsJobsRole/);
    expect([removal[0]?.Action].flat().sort()).toEqual(['cognito-idp:DeleteIdentityProvider', 'cognito-idp:DescribeUserPoolClient', 'cognito-idp:UpdateUserPoolClient']);
    const others = statements.filter((statement) => statement !== granted && statement !== removal[0]);
    const actions = others.flatMap((statement) => [statement.Action].flat());
    expect(actions.filter((action) => FEDERATION_ACTIONS.includes(action) || /^cognito-idp:\*|^\*$|^cognito-idp:.*\*/.test(action))).toEqual([]);
  });
});

describe('the scheduled jobs', () => {
  it('let the jobs function Scan the table for the key attributes only (the offboarding job), and no other function Scan at all', () => {
    const statements = resources('AWS::IAM::Policy').flatMap(([, policy]) =>
      (policy.Properties.PolicyDocument.Statement as { Sid?: string; Action: string | string[]; Resource: unknown; Condition?: unknown }[]).map((statement) => ({ ...statement, roles: JSON.stringify(policy.Properties.Roles) })),
    );
    const scans = statements.filter((statement) => [statement.Action].flat().some((action) => /^dynamodb:(Scan|\*)$/.test(action)));
    expect(scans).toHaveLength(1);
    expect(scans[0]?.Sid).toBe('KeyOnlyScan');
    expect(scans[0]?.roles).toMatch(/FunctionsJobs/);
    expect(scans[0]?.Condition).toEqual({ StringEquals: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' }, 'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['PK', 'SK'] } });
  });

  it('deliver email every five minutes, send audit and action reminders on working-day mornings, and run retention and then the totals reconcile nightly, in London time', () => {
    const schedules = resources('AWS::Scheduler::Schedule').map(([, s]) => s.Properties);
    const byJob = Object.fromEntries(schedules.map((s) => [JSON.parse(s.Target.Input).job, s]));
    expect(Object.keys(byJob).sort()).toEqual(['action-reminders', 'alert-escalation', 'email', 'imports', 'offboarding', 'reconcile', 'reminders', 'retention', 'shadowing-reminders']);
    expect(byJob.offboarding?.ScheduleExpression).toBe('rate(10 minutes)');
    // Imports start the moment a person moves them on; the sweep finds only a run that died or a start that was lost.
    expect(byJob.imports?.ScheduleExpression).toBe('rate(5 minutes)');
    expect(JSON.stringify(byJob.imports?.Target.Arn)).toMatch(/FunctionsImports/);
    expect(byJob['alert-escalation']?.ScheduleExpression).toBe('rate(15 minutes)');
    expect(byJob.reminders?.ScheduleExpression).toBe('cron(0 7 ? * MON-FRI *)');
    expect(byJob.reminders?.ScheduleExpressionTimezone).toBe('Europe/London');
    expect(byJob['action-reminders']?.ScheduleExpression).toBe('cron(0 7 ? * MON-FRI *)');
    expect(byJob['action-reminders']?.ScheduleExpressionTimezone).toBe('Europe/London');
    expect(byJob['shadowing-reminders']?.ScheduleExpression).toBe('cron(0 7 ? * MON-FRI *)');
    expect(byJob.email?.ScheduleExpression).toBe('rate(5 minutes)');
    expect(byJob.retention?.ScheduleExpression).toBe('cron(30 2 * * ? *)');
    expect(byJob.retention?.ScheduleExpressionTimezone).toBe('Europe/London');
    expect(byJob.reconcile?.ScheduleExpression).toBe('cron(15 3 * * ? *)');
    expect(byJob.reconcile?.ScheduleExpressionTimezone).toBe('Europe/London');
    for (const schedule of schedules.filter((s) => JSON.parse(s.Target.Input).job !== 'imports')) {
      expect(JSON.stringify(schedule.Target.Arn)).toMatch(/FunctionsJobs/);
    }
  });

  it('let the jobs function delete an offboarded authority’s accounts and remove its own provider in the user pool, and nothing more there', () => {
    const cognito = statements().filter((s) => s.roles.includes('FunctionsJobsRole') && [s.Action].flat().some((a) => a.startsWith('cognito-idp:')));
    expect(cognito.map((s) => s.Sid).sort()).toEqual(['DeleteOffboardedAccounts', 'RemoveOffboardedProviders']);
    for (const statement of cognito) expect(statement.Resource).toEqual({ 'Fn::ImportValue': expect.stringMatching(/UserPool.*Arn/) });
    const actions = cognito.flatMap((s) => [s.Action].flat()).sort();
    expect(actions).toEqual([...OFFBOARDING_ACCOUNT_ACTIONS, ...OFFBOARDING_PROVIDER_ACTIONS].sort());
    // It makes, changes, enables or disables no account, and creates or changes no provider.
    expect(actions.filter((a) => /AdminCreateUser|AdminUpdateUserAttributes|AdminDisableUser|AdminEnableUser|CreateIdentityProvider|UpdateIdentityProvider/.test(a))).toEqual([]);
  });

  it('are started at once for a full export by the functions serving the export routes alone, which alone are told the jobs function’s name', () => {
    const starters = statements().filter((s) => s.Sid === 'StartDataExports');
    expect(starters.map((s) => s.roles).sort()).toEqual([expect.stringMatching(/FunctionsApiInsightRole/), expect.stringMatching(/FunctionsApiPlatformRole/)]);
    for (const starter of starters) {
      expect(starter.Action).toBe('lambda:InvokeFunction');
      expect(starter.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/FunctionsJobs/), 'Arn'] });
    }
    for (const routes of [/the insight routes/, /the platform routes/]) expect(lambda(routes).Environment.Variables.JOBS_FUNCTION_NAME).toEqual({ Ref: expect.stringMatching(/FunctionsJobs/) });
    for (const other of [/the casework routes/, /the engagement routes/, /scheduled jobs/, /Waypoint imports/]) expect(lambda(other).Environment.Variables).not.toHaveProperty('JOBS_FUNCTION_NAME');
    // No other function may invoke the jobs function (the scheduler's own role aside).
    const invokers = statements().filter((s) => [s.Action].flat().includes('lambda:InvokeFunction') && JSON.stringify(s.Resource).includes('FunctionsJobs') && !s.roles.includes('SchedulerRole'));
    expect(invokers.map((s) => s.Sid)).toEqual(['StartDataExports', 'StartDataExports']);
  });

  it('invoke the jobs and imports Lambdas through a role that may invoke only those two functions', () => {
    waypoint.templates.application.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('SchedulerRole') }],
      PolicyDocument: {
        Statement: [
          {
            Action: 'lambda:InvokeFunction',
            Effect: 'Allow',
            Resource: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('FunctionsJobs'), 'Arn'] }, { 'Fn::GetAtt': [Match.stringLikeRegexp('FunctionsImports'), 'Arn'] }],
          },
        ],
      },
    });
  });
});

/** Every statement of every role policy in the application stack, with the roles it is attached to. */
function statements() {
  return resources('AWS::IAM::Policy').flatMap(([, policy]) =>
    (policy.Properties.PolicyDocument.Statement as { Sid?: string; Action: string | string[]; Resource: unknown; Effect: string }[]).map((statement) => ({ ...statement, roles: JSON.stringify(policy.Properties.Roles) })),
  );
}

describe('the imports function', () => {
  const imports = () => lambda(/^Waypoint imports/);

  it('is a function of its own with its file readers, so the jobs function stays small: fifteen minutes a run, its own memory and concurrency', () => {
    expect(imports().Handler).toBe('index.handler');
    expect(imports().Timeout).toBe(900);
    expect(imports().MemorySize).toBe(2048);
    expect(imports().ReservedConcurrentExecutions).toBe(4);
    expect(imports().FunctionName).toBe('waypoint-prod-imports');
    expect(imports().Environment.Variables).toMatchObject({
      SERVICE_NAME: 'waypoint-imports',
      USER_POOL_ID: expect.anything(),
      TABLE_NAME: expect.anything(),
      TENANT_DATA_ROLE_ARN: expect.anything(),
      PLATFORM_DATA_ROLE_ARN: expect.anything(),
      OBJECTS_BUCKET: expect.anything(),
      PORTAL_URL: expect.anything(),
    });
    // It answers neither the HTTP API nor anyone's request, so it takes no part of it.
    expect(imports().Environment.Variables).not.toHaveProperty('ORIGIN_VERIFY_SECRET_ARN');
  });

  it('is retried twice by Lambda when a run fails, and an unstarted run waits up to six hours for room', () => {
    waypoint.templates.application.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: Match.stringLikeRegexp('FunctionsImports') },
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 6 * 60 * 60,
    });
  });

  it('is started by the function serving /v1/imports alone, which alone is told its name', () => {
    const starters = statements().filter((s) => s.Sid === 'StartImports');
    expect(starters).toHaveLength(1);
    expect(starters[0]!.roles).toMatch(/FunctionsApiInsightRole/);
    expect(starters[0]!.Action).toBe('lambda:InvokeFunction');
    expect(JSON.stringify(starters[0]!.Resource)).toMatch(/:lambda:.*:function:waypoint-prod-imports"/);
    expect(lambda(/the insight routes/).Environment.Variables.IMPORTS_FUNCTION_NAME).toBe('waypoint-prod-imports');
    for (const other of [/the casework routes/, /the platform routes/, /the engagement routes/, /scheduled jobs/]) expect(lambda(other).Environment.Variables).not.toHaveProperty('IMPORTS_FUNCTION_NAME');
  });

  it('may start its own next run, for a file its run had no time left for, and invoke nothing else', () => {
    const own = statements().filter((s) => s.roles.includes('FunctionsImportsRole'));
    const invokes = own.filter((s) => [s.Action].flat().some((a) => a.startsWith('lambda:')));
    expect(invokes.map((s) => s.Sid)).toEqual(['ContinueLongImports']);
    expect(JSON.stringify(invokes[0]!.Resource)).toMatch(/:lambda:.*:function:waypoint-prod-imports"/);
  });

  it('may add imported staff to the user pool and change their roles, nothing wider: it cannot disable or sign anyone out', () => {
    const cognito = statements().filter((s) => s.roles.includes('FunctionsImportsRole') && [s.Action].flat().some((a) => a.startsWith('cognito-idp:')));
    expect(cognito).toHaveLength(1);
    expect(cognito[0]!.Sid).toBe('CreateImportedStaffAccounts');
    expect([cognito[0]!.Action].flat().sort()).toEqual([...IMPORT_ACCOUNT_ACTIONS].sort());
    expect(cognito[0]!.Resource).toEqual({ 'Fn::ImportValue': expect.stringMatching(/UserPool.*Arn/) });
    // The jobs function makes no accounts at all.
    expect(statements().filter((s) => s.roles.includes('FunctionsJobsRole') && [s.Action].flat().includes('cognito-idp:AdminCreateUser'))).toEqual([]);
  });

  it('reaches the table and files only through the data roles, like the API and the jobs', () => {
    const own = statements().filter((s) => s.roles.includes('FunctionsImportsRole'));
    expect(own.flatMap((s) => [s.Action].flat()).filter((a) => /^(dynamodb|s3|kms):/.test(a))).toEqual([]);
    expect(own.map((s) => s.Sid)).toEqual(expect.arrayContaining(['AssumeTenantDataRoleWithTag', 'AssumePlatformDataRole']));
  });
});

describe('email', () => {
  it('is not configured until the context names an SES identity', () => {
    waypoint.templates.application.resourceCountIs('AWS::SES::EmailIdentity', 0);
    expect(lambda(/Waypoint API/).Environment.Variables).not.toHaveProperty('EMAIL_FROM');
  });
});
