/**
 * The monitoring stack: alarms on what means users are being failed (API 5xx and p99 latency,
 * Lambda errors, throttles and slow starts, DynamoDB throttles, an authority held back by its
 * request limit), on the sign of an isolation bug (a data role refused by DynamoDB or STS), and
 * on email reputation (bounces and complaints), all notifying one encrypted SNS topic, with an
 * optional email subscription from context. WAF's blocked-requests alarm is in us-east-1 with the web ACL (edge-stack.ts).
 */
import { Duration, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData, Unit } from 'aws-cdk-lib/aws-cloudwatch';
import type { IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { FilterPattern, MetricFilter } from 'aws-cdk-lib/aws-logs';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { DATA_ACCESS_DENIED_METRIC, METRICS_NAMESPACE, SERVICE_DIMENSION, TENANT_DIMENSION, TENANT_METRICS } from '@waypoint/shared/observability/tenant-metrics';
import { tableDefinition } from '@waypoint/shared/table/table-definition';
import { SES_CONFIGURATION_SET_DIMENSION } from '../email/email-sending.ts';

const FIVE_MINUTES = Duration.minutes(5);
const ONE_HOUR = Duration.hours(1);

/** A p99 above this, three five-minute periods running, means pages feel broken. */
export const API_P99_LATENCY_MS = 3000;
/** A cold start slower than this (twice in fifteen minutes) makes someone wait. */
export const INIT_DURATION_MS = 3000;
/** SES puts an account under review at a 5% bounce rate and 0.1% complaint rate: warn there. */
export const SES_BOUNCE_RATE = 0.05;
export const SES_COMPLAINT_RATE = 0.001;

/**
 * The Lambda platform's REPORT line, read field by field, so a cold start's `Init Duration`
 * becomes a metric (the platform publishes none). Only cold starts have the last four fields.
 */
export const INIT_DURATION_PATTERN = FilterPattern.spaceDelimited(
  'type',
  'requestIdLabel',
  'requestId',
  'durationLabel',
  'duration',
  'durationUnit',
  'billedLabel',
  'billedDurationLabel',
  'billedDuration',
  'billedUnit',
  'memoryLabel',
  'sizeLabel',
  'memorySize',
  'memoryUnit',
  'maxLabel',
  'maxMemoryLabel',
  'usedLabel',
  'maxMemory',
  'maxMemoryUnit',
  'initLabel',
  'initDurationLabel',
  'initDuration',
  'initUnit',
)
  .whereString('type', '=', 'REPORT')
  .whereString('initLabel', '=', 'Init');

export interface MonitoringStackProps extends StackProps {
  alarmEmail: string | undefined;
  httpApiId: string;
  functions: Record<string, LambdaFunction>;
  /** The log groups of the functions that assume the data roles (API and jobs). */
  dataRoleUserLogs: ILogGroup[];
  table: ITable;
  /** The SES configuration set mail goes through, when the deployment sends email. */
  emailConfigurationSet: string | undefined;
}

export class MonitoringStack extends Stack {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props);
    // CloudWatch cannot publish to a topic under the AWS-managed SNS key: it needs a key
    // whose policy lets the CloudWatch service use it.
    const topicKey = new Key(this, 'AlarmTopicKey', { description: 'Encrypts Waypoint alarm notifications', enableKeyRotation: true });
    topicKey.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new Topic(this, 'Alarms', { displayName: 'Waypoint alarms', masterKey: topicKey, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    this.alarm('Api5xx', 'The HTTP API answered with server errors', this.apiMetric(props.httpApiId, '5xx'), 5);
    this.alarm('ApiLatencyP99', `The HTTP API's p99 latency was over ${API_P99_LATENCY_MS} ms for 15 minutes`, this.apiMetric(props.httpApiId, 'Latency', 'p99'), API_P99_LATENCY_MS, { periods: 3 });
    for (const [name, fn] of Object.entries(props.functions)) {
      this.alarm(`${name}Errors`, `The ${name} Lambda failed invocations`, fn.metricErrors({ period: FIVE_MINUTES }), 1);
      this.alarm(`${name}Throttles`, `The ${name} Lambda was throttled`, fn.metricThrottles({ period: FIVE_MINUTES }), 1);
      this.alarm(`${name}InitDuration`, `The ${name} Lambda took over ${INIT_DURATION_MS} ms to start`, this.initDuration(name, fn), INIT_DURATION_MS, { periods: 3, datapoints: 2 });
    }
    this.alarm('DataAccessDenied', 'DynamoDB or STS refused a data role: a request reached for keys outside its tenant (an isolation bug) or a role lost its permissions', this.dataAccessDenied(props.dataRoleUserLogs), 1);
    this.alarm(
      'TenantThrottled',
      'An authority or a public client was held back by its request limit (429): see TenantThrottled by tenant',
      new MathExpression({
        // Metrics Insights sums every tenant's series, so a tenant added tomorrow is covered too.
        expression: `SELECT SUM(${TENANT_METRICS.throttled}) FROM SCHEMA("${METRICS_NAMESPACE}", ${SERVICE_DIMENSION}, ${TENANT_DIMENSION})`,
        usingMetrics: {},
        period: FIVE_MINUTES,
        label: 'Requests held back by a tenant limit',
      }),
      10,
    );
    if (props.emailConfigurationSet) this.emailAlarms(props.emailConfigurationSet);
    this.alarm('TableReadThrottles', 'DynamoDB throttled reads', this.throttleEvents(props.table, 'ReadThrottleEvents'), 1);
    this.alarm('TableWriteThrottles', 'DynamoDB throttled writes', this.throttleEvents(props.table, 'WriteThrottleEvents'), 1);
  }

  private apiMetric(apiId: string, metricName: string, statistic = 'Sum'): Metric {
    return new Metric({
      namespace: 'AWS/ApiGateway',
      metricName,
      dimensionsMap: { ApiId: apiId, Stage: '$default' },
      statistic,
      period: FIVE_MINUTES,
    });
  }

  private initDuration(name: string, fn: LambdaFunction): Metric {
    const filter = new MetricFilter(this, `${name}InitDurationFilter`, {
      logGroup: fn.logGroup,
      filterPattern: INIT_DURATION_PATTERN,
      metricNamespace: METRICS_NAMESPACE,
      metricName: `${name}InitDuration`,
      metricValue: '$initDuration',
      unit: Unit.MILLISECONDS,
    });
    return filter.metric({ statistic: 'Maximum', period: FIVE_MINUTES });
  }

  /** Any AccessDenied in the logs of the functions that use the data roles, counted as one metric. */
  private dataAccessDenied(logGroups: ILogGroup[]): IMetric {
    const usingMetrics: Record<string, IMetric> = {};
    logGroups.forEach((logGroup, position) => {
      const filter = new MetricFilter(this, `DataAccessDeniedFilter${position}`, {
        logGroup,
        filterPattern: FilterPattern.anyTerm('AccessDeniedException', 'AccessDenied'),
        metricNamespace: METRICS_NAMESPACE,
        metricName: DATA_ACCESS_DENIED_METRIC,
        metricValue: '1',
      });
      usingMetrics[`denied${position}`] = filter.metric({ statistic: 'Sum', period: FIVE_MINUTES });
    });
    if (logGroups.length === 1) return Object.values(usingMetrics)[0]!;
    return new MathExpression({
      expression: Object.keys(usingMetrics)
        .map((key) => `FILL(${key}, 0)`)
        .join(' + '),
      usingMetrics,
      period: FIVE_MINUTES,
      label: 'AccessDenied in the data roles’ users’ logs',
    });
  }

  /** Bounces and complaints through the configuration set, and the account's reputation rates SES acts on. */
  private emailAlarms(configurationSet: string): void {
    const sesMetric = (metricName: string) => new Metric({ namespace: 'AWS/SES', metricName, dimensionsMap: { [SES_CONFIGURATION_SET_DIMENSION]: configurationSet }, statistic: 'Sum', period: ONE_HOUR });
    const reputation = (metricName: string) => new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: ONE_HOUR });
    this.alarm('EmailBounces', 'Five or more Waypoint emails bounced within an hour', sesMetric('Bounce'), 5);
    this.alarm('EmailComplaints', 'Someone marked a Waypoint email as spam', sesMetric('Complaint'), 1);
    this.alarm('EmailBounceRate', 'The SES bounce rate reached 5%: SES reviews the account from there', reputation('Reputation.BounceRate'), SES_BOUNCE_RATE);
    this.alarm('EmailComplaintRate', 'The SES complaint rate reached 0.1%: SES reviews the account from there', reputation('Reputation.ComplaintRate'), SES_COMPLAINT_RATE);
  }

  /** On-demand tables still throttle (on a hot partition or a sudden surge); the table and each index count. */
  private throttleEvents(table: ITable, metricName: string): MathExpression {
    const usingMetrics: Record<string, IMetric> = {
      table: table.metric(metricName, { statistic: 'Sum', period: FIVE_MINUTES }),
    };
    tableDefinition.indexes.forEach((index, position) => {
      usingMetrics[`index${position}`] = new Metric({
        namespace: 'AWS/DynamoDB',
        metricName,
        dimensionsMap: { TableName: table.tableName, GlobalSecondaryIndexName: index.name },
        statistic: 'Sum',
        period: FIVE_MINUTES,
      });
    });
    return new MathExpression({
      // An index with no throttles has no data points; FILL keeps the sum from going blank.
      expression: Object.keys(usingMetrics)
        .map((key) => `FILL(${key}, 0)`)
        .join(' + '),
      usingMetrics,
      period: FIVE_MINUTES,
      label: `${metricName} (table and indexes)`,
    });
  }

  private alarm(id: string, description: string, metric: IMetric, threshold: number, window: { periods?: number; datapoints?: number } = {}): void {
    const alarm = new Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods: window.periods ?? 1,
      datapointsToAlarm: window.datapoints ?? window.periods ?? 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
