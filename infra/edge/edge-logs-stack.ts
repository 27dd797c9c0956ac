/**
 * CloudFront access logs without the viewer's IP address. Legacy CloudFront logging always
 * records `c-ip`; standard logging v2 (CloudWatch vended logs) lets us choose the fields.
 * CloudFront's delivery source must be created in us-east-1, hence this stack, which comes
 * after the application stack because it names the distribution.
 */
import { Aws, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { CfnDelivery, CfnDeliveryDestination, CfnDeliverySource, LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { WaypointSettings } from '../config/settings.ts';

/**
 * What each request's log line holds: when, where, what and how it went. Left out on purpose:
 * c-ip, x-forwarded-for and c-port (who), cs(User-Agent), cs(Cookie) and cs(Referer), and
 * cs-uri-query (which could carry an invitation code).
 */
export const CLOUDFRONT_LOG_FIELDS = [
  'date',
  'time',
  'x-edge-location',
  'x-edge-request-id',
  'cs-method',
  'cs(Host)',
  'cs-uri-stem',
  'sc-status',
  'sc-bytes',
  'time-taken',
  'time-to-first-byte',
  'x-edge-result-type',
  'x-edge-response-result-type',
  'x-edge-detailed-result-type',
  'cs-protocol',
  'cs-protocol-version',
  'ssl-protocol',
  'sc-content-type',
] as const;

export interface EdgeLogsStackProps extends StackProps {
  settings: WaypointSettings;
  distributionId: string;
}

export class EdgeLogsStack extends Stack {
  constructor(scope: Construct, id: string, props: EdgeLogsStackProps) {
    super(scope, id, props);
    const logGroup = new LogGroup(this, 'CloudFrontAccessLogs', { retention: props.settings.logRetention });
    logGroup.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudFrontLogDelivery',
        principals: [new ServicePrincipal('delivery.logs.amazonaws.com')],
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [`${logGroup.logGroupArn}`],
        conditions: {
          StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
          ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:logs:${Aws.REGION}:${Aws.ACCOUNT_ID}:*` },
        },
      }),
    );

    const source = new CfnDeliverySource(this, 'DistributionLogSource', {
      name: `waypoint-${props.settings.stage}-cloudfront`,
      logType: 'ACCESS_LOGS',
      resourceArn: `arn:${Aws.PARTITION}:cloudfront::${Aws.ACCOUNT_ID}:distribution/${props.distributionId}`,
    });
    const destination = new CfnDeliveryDestination(this, 'LogGroupDestination', {
      name: `waypoint-${props.settings.stage}-cloudfront-logs`,
      destinationResourceArn: logGroup.logGroupArn,
      outputFormat: 'json',
    });
    const delivery = new CfnDelivery(this, 'Delivery', {
      deliverySourceName: source.name,
      deliveryDestinationArn: destination.attrArn,
      recordFields: [...CLOUDFRONT_LOG_FIELDS],
    });
    delivery.addResourceDependency(source);
  }
}
