/**
 * The API Lambda and the jobs Lambda, with the environment the functions read
 * (functions/src/platform/config.ts) and the EventBridge Scheduler schedules that run the
 * jobs in Europe/London time. Neither function has DynamoDB permissions of its own: they
 * reach the table only by assuming the data roles.
 */
import { Duration, TimeZone } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { apiAfterBundling } from '../config/lambda-bundle.ts';
import { waypointFunction } from '../config/node-function.ts';
import { ENTRY_POINTS } from '../config/paths.ts';
import type { WaypointSettings } from '../config/settings.ts';

/** The jobs the jobs Lambda runs; the event it receives is `{ job }`. */
export const JOB_SCHEDULES = {
  // Every few minutes: sends queued outbox messages through SES.
  email: ScheduleExpression.rate(Duration.minutes(5)),
  // Working-day mornings before people start: reminders of audits due at the month end (the job works out which are owed today).
  reminders: ScheduleExpression.cron({ minute: '0', hour: '7', weekDay: 'MON-FRI', timeZone: TimeZone.EUROPE_LONDON }),
  // Beside them: reminders of actions due within a week and overdue ones.
  'action-reminders': ScheduleExpression.cron({ minute: '0', hour: '7', weekDay: 'MON-FRI', timeZone: TimeZone.EUROPE_LONDON }),
  // And work shadowing: requests waiting for an answer, feedback still owed.
  'shadowing-reminders': ScheduleExpression.cron({ minute: '0', hour: '7', weekDay: 'MON-FRI', timeZone: TimeZone.EUROPE_LONDON }),
  // Nightly, when nobody is working: removes what the retention rules say has expired.
  retention: ScheduleExpression.cron({ minute: '30', hour: '2', timeZone: TimeZone.EUROPE_LONDON }),
  // Nightly, after retention and before anyone works: rebuilds the dashboards' monthly totals from the source items.
  reconcile: ScheduleExpression.cron({ minute: '15', hour: '3', timeZone: TimeZone.EUROPE_LONDON }),
} as const;

/** The API function's memory (and so its share of CPU). */
export const API_MEMORY_MB = 1024;

/** What the API needs from Cognito to manage a tenant's staff accounts. */
const USER_ADMIN_ACTIONS = ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser', 'cognito-idp:AdminUpdateUserAttributes', 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminEnableUser', 'cognito-idp:AdminUserGlobalSignOut'];

/**
 * What the API needs to connect a council's own identity provider at run time
 * (functions/src/federation/cognito-federation.ts): the provider itself, and the portal's app
 * client so that its sign-in offers it.
 */
export const FEDERATION_ACTIONS = [
  'cognito-idp:CreateIdentityProvider',
  'cognito-idp:UpdateIdentityProvider',
  'cognito-idp:DeleteIdentityProvider',
  'cognito-idp:DescribeIdentityProvider',
  'cognito-idp:DescribeUserPoolClient',
  'cognito-idp:UpdateUserPoolClient',
];

export interface ApiFunctionsProps {
  settings: WaypointSettings;
  tableName: string;
  userPool: IUserPool;
  issuerUrl: string;
}

export class ApiFunctions extends Construct {
  readonly api: NodejsFunction;
  readonly jobs: NodejsFunction;
  /** Signs the short-lived sessions of the public have-your-say area. */
  readonly engagementSessionSecret: Secret;

  constructor(scope: Construct, id: string, props: ApiFunctionsProps) {
    super(scope, id);
    const { settings } = props;
    const environment = {
      TABLE_NAME: props.tableName,
      OIDC_ISSUER: props.issuerUrl,
      USER_POOL_ID: props.userPool.userPoolId,
      ...(settings.emailFrom && settings.sesIdentity ? { EMAIL_FROM: settings.emailFrom, SES_IDENTITY: settings.sesIdentity } : {}),
    };

    this.api = waypointFunction(this, 'Api', {
      entry: ENTRY_POINTS.api,
      description: 'Waypoint API (Hono), behind the HTTP API',
      serviceName: 'waypoint-api',
      logLevel: settings.logLevel,
      logRetention: settings.logRetention,
      memorySize: API_MEMORY_MB,
      timeout: Duration.seconds(29),
      environment,
      commandHooks: { beforeBundling: () => [], beforeInstall: () => [], afterBundling: (_inputDir, outputDir) => apiAfterBundling(outputDir) },
    });
    // Generated once at deploy time. The function gets only its ARN and reads the value from
    // Secrets Manager once per cold start (shared/src/config/secret-value.ts), so the
    // value is in neither the template nor the function's configuration.
    this.engagementSessionSecret = new Secret(this, 'EngagementSessionSecret', {
      description: 'Signs Waypoint have-your-say session tokens',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    this.api.addEnvironment('ENGAGEMENT_SESSION_SECRET_ARN', this.engagementSessionSecret.secretArn);
    this.engagementSessionSecret.grantRead(this.api);
    this.api.addToRolePolicy(new PolicyStatement({ sid: 'ManageStaffAccounts', actions: USER_ADMIN_ACTIONS, resources: [props.userPool.userPoolArn] }));
    this.api.addToRolePolicy(new PolicyStatement({ sid: 'ConnectCouncilProviders', actions: FEDERATION_ACTIONS, resources: [props.userPool.userPoolArn] }));

    this.jobs = waypointFunction(this, 'Jobs', {
      entry: ENTRY_POINTS.jobs,
      description: 'Waypoint scheduled jobs: email delivery, reminders, retention and reconciling totals',
      serviceName: 'waypoint-jobs',
      logLevel: settings.logLevel,
      logRetention: settings.logRetention,
      memorySize: 1024,
      timeout: Duration.minutes(10),
      environment,
    });

    // The scheduler may invoke exactly this function. The target's own grant would add all its
    // versions (`:*`) too, so it is given a view of the role that takes no more policies.
    const schedulerRole = new Role(this, 'SchedulerRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    schedulerRole.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.jobs.functionArn] }));
    for (const [job, schedule] of Object.entries(JOB_SCHEDULES)) {
      new Schedule(this, `${job[0]?.toUpperCase()}${job.slice(1)}Schedule`, {
        description: `Runs the ${job} job`,
        schedule,
        target: new LambdaInvoke(this.jobs, {
          input: ScheduleTargetInput.fromObject({ job }),
          role: schedulerRole.withoutPolicyUpdates(),
          retryAttempts: 2,
          maxEventAge: Duration.hours(1),
        }),
      });
    }
  }

  /** Set once the portal's app client exists: access tokens must be issued to it. */
  setAudience(clientId: string): void {
    this.api.addEnvironment('API_AUDIENCE', clientId);
    this.jobs.addEnvironment('API_AUDIENCE', clientId);
  }

  /** Set once the distribution exists: links in emails start with the portal's public address. */
  setPortalUrl(origin: string): void {
    for (const fn of [this.api, this.jobs]) fn.addEnvironment('PORTAL_URL', origin);
  }

  /** Both functions reach stored files (through the tenant data role) in this bucket. */
  setObjectsBucket(bucketName: string): void {
    for (const fn of [this.api, this.jobs]) fn.addEnvironment('OBJECTS_BUCKET', bucketName);
  }

  /** Both functions assume the data roles; they need to know which. */
  setDataRoles(roles: { tenantDataRoleArn: string; platformDataRoleArn: string }): void {
    for (const fn of [this.api, this.jobs]) {
      fn.addEnvironment('TENANT_DATA_ROLE_ARN', roles.tenantDataRoleArn);
      fn.addEnvironment('PLATFORM_DATA_ROLE_ARN', roles.platformDataRoleArn);
    }
  }
}
