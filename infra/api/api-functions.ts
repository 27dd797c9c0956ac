/**
 * The API's Lambdas (one per group of routes, so each carries only its own routes: a cold start
 * loads less, and the bundle stays small as capabilities are added), the jobs Lambda and the
 * imports Lambda (the import job and its file readers, apart so the jobs Lambda stays small), with the environment the functions read
 * (functions/src/platform/config.ts) and the EventBridge Scheduler schedules that run the
 * jobs in Europe/London time. No function has DynamoDB permissions of its own: they
 * reach the table only by assuming the data roles.
 */
import { ArnFormat, Duration, Stack, TimeZone } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { apiAfterBundling, fileTypeAfterBundling } from '../config/lambda-bundle.ts';
import { waypointFunction } from '../config/node-function.ts';
import { API_GROUPS, apiGroupForPath, type ApiGroup } from '../../functions/src/api/api-groups.ts';
import { apiEntryPoint, ENTRY_POINTS } from '../config/paths.ts';
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
  // Every quarter of an hour: safeguarding concerns from audits nobody acknowledged in time go to the senior managers (once each).
  'alert-escalation': ScheduleExpression.rate(Duration.minutes(15)),
  // Nightly, when nobody is working: removes what the retention rules say has expired.
  retention: ScheduleExpression.cron({ minute: '30', hour: '2', timeZone: TimeZone.EUROPE_LONDON }),
  // Every ten minutes: full data exports asked for, and deleting offboarded authorities whose cooling-off period has passed (each run resumes where the last stopped).
  offboarding: ScheduleExpression.rate(Duration.minutes(10)),
  // Nightly, after retention and before anyone works: rebuilds the dashboards' monthly totals from the source items.
  reconcile: ScheduleExpression.cron({ minute: '15', hour: '3', timeZone: TimeZone.EUROPE_LONDON }),
} as const;

/**
 * The imports function's sweep (functions/src/imports/import-runs.ts). An import is started the
 * moment a person moves it on, and each run starts the next until the file is done; the sweep
 * only finds an import whose run died or whose start was lost.
 */
export const IMPORTS_SWEEP = ScheduleExpression.rate(Duration.minutes(5));

/**
 * Imports at once, across every authority: each run holds one file and writes up to a chunk
 * at a time, so a few together cannot crowd the table or the API out. Runs beyond this wait
 * (Lambda keeps an asynchronous invocation and tries it again for up to six hours).
 */
export const IMPORTS_RESERVED_CONCURRENCY = 4;
/** The XLSX reader streams, but a wide file's shared strings are held while it is read. */
export const IMPORTS_MEMORY_MB = 2048;

/** The imports function's fixed name, so its own role and the API's may name it without a reference (a function referring to itself is a cycle). */
export const importsFunctionName = (stage: string) => `waypoint-${stage}-imports`;

/**
 * Concurrency kept for the jobs alone: a flood of API requests (or one authority's) cannot stop
 * email, reminders, retention or the nightly totals, and the jobs cannot crowd out the API.
 * At most four schedules fire together (three reminder jobs and the email job at 07:00).
 */
export const JOBS_RESERVED_CONCURRENCY = 5;

/** Each API function's memory (and so its share of CPU). */
export const API_MEMORY_MB = 1024;

/** What the imports function needs from Cognito: a staff file adds people and changes roles (never disables or signs anyone out). */
export const IMPORT_ACCOUNT_ACTIONS = ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser', 'cognito-idp:AdminUpdateUserAttributes'];

/** What the API needs from Cognito to manage a tenant's staff accounts. */
export const USER_ADMIN_ACTIONS = ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser', 'cognito-idp:AdminUpdateUserAttributes', 'cognito-idp:AdminDisableUser', 'cognito-idp:AdminEnableUser', 'cognito-idp:AdminUserGlobalSignOut'];

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

/**
 * What the jobs function needs from Cognito to delete an offboarded authority's sign-in accounts
 * (functions/src/platform/accounts/cognito-sign-in-accounts.ts `remove`, `removeProviderAccounts`):
 * find each (by email, or by subject or provider name for someone who signed in through the
 * council's provider) and delete it. It makes, changes and disables nobody.
 */
export const OFFBOARDING_ACCOUNT_ACTIONS = ['cognito-idp:AdminGetUser', 'cognito-idp:ListUsers', 'cognito-idp:AdminDeleteUser'];

/**
 * What the jobs function needs from Cognito to remove an offboarded authority's own provider:
 * take it off the portal's app client, then delete it. It creates and changes no provider.
 */
export const OFFBOARDING_PROVIDER_ACTIONS = ['cognito-idp:DescribeUserPoolClient', 'cognito-idp:UpdateUserPoolClient', 'cognito-idp:DeleteIdentityProvider'];

export interface ApiFunctionsProps {
  settings: WaypointSettings;
  tableName: string;
  userPool: IUserPool;
  issuerUrl: string;
}

/**
 * Construct ids of the API's functions: the casework group keeps the id the single API function
 * had, so its role and alarms keep their names.
 */
export const API_FUNCTION_IDS: Record<ApiGroup, string> = { casework: 'Api', platform: 'ApiPlatform', engagement: 'ApiEngagement', insight: 'ApiInsight' };

export class ApiFunctions extends Construct {
  /** The API's functions by group of routes. */
  readonly api: Record<ApiGroup, NodejsFunction>;
  readonly jobs: NodejsFunction;
  /** The import job, apart from the jobs function: its CSV and XLSX readers are most of its size. */
  readonly imports: NodejsFunction;
  /** Signs the short-lived sessions of the public have-your-say area. */
  readonly engagementSessionSecret: Secret;
  /**
   * Shared with the portal alone: it signs the visitor address the portal passes on, which the
   * engagement routes believe for their per-visitor limits only with a good signature.
   */
  readonly clientAddressSecret: Secret;

  constructor(scope: Construct, id: string, props: ApiFunctionsProps) {
    super(scope, id);
    const { settings } = props;
    const environment = {
      TABLE_NAME: props.tableName,
      OIDC_ISSUER: props.issuerUrl,
      USER_POOL_ID: props.userPool.userPoolId,
      ...(settings.emailFrom && settings.sesIdentity ? { EMAIL_FROM: settings.emailFrom, SES_IDENTITY: settings.sesIdentity } : {}),
    };

    // Generated once at deploy time. The functions get only its ARN and read the value from
    // Secrets Manager once per cold start (shared/src/config/secret-value.ts), so the
    // value is in neither the template nor the functions' configuration.
    this.engagementSessionSecret = new Secret(this, 'EngagementSessionSecret', {
      description: 'Signs Waypoint have-your-say session tokens',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    this.clientAddressSecret = new Secret(this, 'ClientAddressSecret', {
      description: 'Signs the visitor addresses the Waypoint portal passes to the API',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    const apiFunction = (group: ApiGroup) => {
      const fn = waypointFunction(this, API_FUNCTION_IDS[group], {
        entry: apiEntryPoint(group),
        description: `Waypoint API (Hono), the ${group} routes, behind the HTTP API`,
        serviceName: 'waypoint-api',
        logLevel: settings.logLevel,
        logRetention: settings.logRetention,
        memorySize: API_MEMORY_MB,
        timeout: Duration.seconds(29),
        environment,
        // Only the function that serves /v1/openapi.json and /v1/reference carries them, and only
        // the one that serves evidence files (casework) carries file-type.
        ...(group === 'platform' ? { commandHooks: { beforeBundling: () => [], beforeInstall: () => [], afterBundling: (_inputDir: string, outputDir: string) => apiAfterBundling(outputDir) } } : {}),
        ...(group === 'casework' ? { commandHooks: { beforeBundling: () => [], beforeInstall: () => [], afterBundling: (_inputDir: string, outputDir: string) => fileTypeAfterBundling(outputDir) } } : {}),
      });
      // Each function may do only what its own routes do.
      if (group === 'engagement') {
        // The have-your-say sessions (functions/src/public/session-tokens.ts).
        fn.addEnvironment('ENGAGEMENT_SESSION_SECRET_ARN', this.engagementSessionSecret.secretArn);
        this.engagementSessionSecret.grantRead(fn);
        // The visitor's address, signed by the portal (shared/src/engagement/client-address.ts).
        fn.addEnvironment('CLIENT_ADDRESS_SECRET_ARN', this.clientAddressSecret.secretArn);
        this.clientAddressSecret.grantRead(fn);
      }
      if (group === 'casework' || group === 'platform') {
        // A tenant admin's staff accounts; the operator's first admin of a new authority.
        fn.addToRolePolicy(new PolicyStatement({ sid: 'ManageStaffAccounts', actions: USER_ADMIN_ACTIONS, resources: [props.userPool.userPoolArn] }));
      }
      if (group === 'casework') {
        // A tenant admin connecting the council's own identity provider (/v1/identity-provider).
        fn.addToRolePolicy(new PolicyStatement({ sid: 'ConnectCouncilProviders', actions: FEDERATION_ACTIONS, resources: [props.userPool.userPoolArn] }));
      }
      return fn;
    };
    this.api = Object.fromEntries(API_GROUPS.map((group) => [group, apiFunction(group)])) as Record<ApiGroup, NodejsFunction>;

    this.jobs = waypointFunction(this, 'Jobs', {
      entry: ENTRY_POINTS.jobs,
      description: 'Waypoint scheduled jobs: email delivery, reminders, alert escalation, retention, reconciling totals and offboarding (full exports, started at once by the export routes)',
      serviceName: 'waypoint-jobs',
      logLevel: settings.logLevel,
      logRetention: settings.logRetention,
      memorySize: 1024,
      timeout: Duration.minutes(10),
      reservedConcurrency: JOBS_RESERVED_CONCURRENCY,
      environment,
    });

    // Deleting an offboarded authority deletes its sign-in accounts and its own provider from the pool.
    this.jobs.addToRolePolicy(new PolicyStatement({ sid: 'DeleteOffboardedAccounts', actions: OFFBOARDING_ACCOUNT_ACTIONS, resources: [props.userPool.userPoolArn] }));
    this.jobs.addToRolePolicy(new PolicyStatement({ sid: 'RemoveOffboardedProviders', actions: OFFBOARDING_PROVIDER_ACTIONS, resources: [props.userPool.userPoolArn] }));
    // The export routes (the operator's and the authority admin's) start an export on the jobs function at once.
    for (const path of ['/v1/platform/tenants', '/v1/data-exports']) {
      const exportRoutes = this.api[apiGroupForPath(path)];
      exportRoutes.addEnvironment('JOBS_FUNCTION_NAME', this.jobs.functionName);
      exportRoutes.addToRolePolicy(new PolicyStatement({ sid: 'StartDataExports', actions: ['lambda:InvokeFunction'], resources: [this.jobs.functionArn] }));
    }

    const importsName = importsFunctionName(settings.stage);
    const importsArn = Stack.of(this).formatArn({ service: 'lambda', resource: 'function', resourceName: importsName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
    this.imports = waypointFunction(this, 'Imports', {
      entry: ENTRY_POINTS.imports,
      functionName: importsName,
      description: 'Waypoint imports: reads, checks and applies uploaded case-management exports in chunks',
      serviceName: 'waypoint-imports',
      logLevel: settings.logLevel,
      logRetention: settings.logRetention,
      memorySize: IMPORTS_MEMORY_MB,
      // Lambda's most; a run stops taking chunks two minutes before it and starts the next run.
      timeout: Duration.minutes(15),
      reservedConcurrency: IMPORTS_RESERVED_CONCURRENCY,
      environment,
    });
    this.imports.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(6) });
    // New staff in a staff file get their sign-in account, as when an admin adds them.
    this.imports.addToRolePolicy(new PolicyStatement({ sid: 'CreateImportedStaffAccounts', actions: IMPORT_ACCOUNT_ACTIONS, resources: [props.userPool.userPoolArn] }));
    // A run with more of the file left starts the next one on itself.
    this.imports.addToRolePolicy(new PolicyStatement({ sid: 'ContinueLongImports', actions: ['lambda:InvokeFunction'], resources: [importsArn] }));
    // The import routes start a run the moment a person moves an import on.
    const importRoutes = this.api[apiGroupForPath('/v1/imports')];
    importRoutes.addEnvironment('IMPORTS_FUNCTION_NAME', importsName);
    importRoutes.addToRolePolicy(new PolicyStatement({ sid: 'StartImports', actions: ['lambda:InvokeFunction'], resources: [importsArn] }));

    // The scheduler may invoke exactly these functions. The target's own grant would add all its
    // versions (`:*`) too, so it is given a view of the role that takes no more policies.
    const schedulerRole = new Role(this, 'SchedulerRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    schedulerRole.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.jobs.functionArn, this.imports.functionArn] }));
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
    new Schedule(this, 'ImportsSchedule', {
      description: 'Starts a run of the imports function for every import with work to do that no run holds',
      schedule: IMPORTS_SWEEP,
      target: new LambdaInvoke(this.imports, {
        input: ScheduleTargetInput.fromObject({ job: 'imports' }),
        role: schedulerRole.withoutPolicyUpdates(),
        retryAttempts: 2,
        maxEventAge: Duration.minutes(10),
      }),
    });
  }

  /** Set once the portal's app client exists: access tokens must be issued to it. */
  setAudience(clientId: string): void {
    for (const fn of this.all) fn.addEnvironment('API_AUDIENCE', clientId);
  }

  /** Set once the distribution exists: links in emails start with the portal's public address. */
  setPortalUrl(origin: string): void {
    for (const fn of this.all) fn.addEnvironment('PORTAL_URL', origin);
  }

  /**
   * The offboarding job learns which items an authority has with a Scan of the table (there is
   * no index of every item of a tenant): the jobs function's own role may Scan, but only for
   * the key attributes, so it learns which items exist and never what they hold. It reads and
   * deletes them through the tenant data role as every other job does.
   */
  allowKeyOnlyScan(tableArn: string, tableKeyArn: string, region: string): void {
    this.jobs.addToRolePolicy(
      new PolicyStatement({
        sid: 'KeyOnlyScan',
        actions: ['dynamodb:Scan'],
        resources: [tableArn],
        conditions: {
          StringEquals: { 'dynamodb:Select': 'SPECIFIC_ATTRIBUTES' },
          'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['PK', 'SK'] },
        },
      }),
    );
    this.jobs.addToRolePolicy(new PolicyStatement({ sid: 'KeyOnlyScanTableKey', actions: ['kms:Decrypt', 'kms:DescribeKey'], resources: [tableKeyArn], conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${region}.amazonaws.com` } } }));
  }

  /** The API's functions, the jobs function and the imports function. */
  get all(): NodejsFunction[] {
    return [...Object.values(this.api), this.jobs, this.imports];
  }

  /** The functions that send email through SES (the imports function only queues invitations in the outbox). */
  get emailSenders(): NodejsFunction[] {
    return [...Object.values(this.api), this.jobs];
  }

  /** Every function reaches stored files (through the tenant data role) in this bucket. */
  setObjectsBucket(bucketName: string): void {
    for (const fn of this.all) fn.addEnvironment('OBJECTS_BUCKET', bucketName);
  }

  /** Every function assumes the data roles; they need to know which. */
  setDataRoles(roles: { tenantDataRoleArn: string; platformDataRoleArn: string }): void {
    for (const fn of this.all) {
      fn.addEnvironment('TENANT_DATA_ROLE_ARN', roles.tenantDataRoleArn);
      fn.addEnvironment('PLATFORM_DATA_ROLE_ARN', roles.platformDataRoleArn);
    }
  }
}
