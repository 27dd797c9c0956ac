/**
 * The monitoring stack: alarms on what means users are being failed (API 5xx, Lambda errors
 * and throttles, DynamoDB throttles), all notifying one encrypted SNS topic, with an
 * optional email subscription from context.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, MathExpression, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { tableDefinition } from '@waypoint/shared/table/table-definition';

const FIVE_MINUTES = Duration.minutes(5);

export interface MonitoringStackProps extends StackProps {
  alarmEmail: string | undefined;
  httpApiId: string;
  functions: Record<string, IFunction>;
  table: ITable;
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
    for (const [name, fn] of Object.entries(props.functions)) {
      this.alarm(`${name}Errors`, `The ${name} Lambda failed invocations`, fn.metricErrors({ period: FIVE_MINUTES }), 1);
      this.alarm(`${name}Throttles`, `The ${name} Lambda was throttled`, fn.metricThrottles({ period: FIVE_MINUTES }), 1);
    }
    this.alarm('TableReadThrottles', 'DynamoDB throttled reads', this.throttleEvents(props.table, 'ReadThrottleEvents'), 1);
    this.alarm('TableWriteThrottles', 'DynamoDB throttled writes', this.throttleEvents(props.table, 'WriteThrottleEvents'), 1);
  }

  private apiMetric(apiId: string, metricName: string): Metric {
    return new Metric({
      namespace: 'AWS/ApiGateway',
      metricName,
      dimensionsMap: { ApiId: apiId, Stage: '$default' },
      statistic: 'Sum',
      period: FIVE_MINUTES,
    });
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

  private alarm(id: string, description: string, metric: IMetric, threshold: number): void {
    const alarm = new Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.topic));
    this.alarms.push(alarm);
  }
}
