/**
 * The edge stack, always in us-east-1: a WAF web ACL of CLOUDFRONT scope can only be made
 * there. (HTTP APIs cannot take a regional web ACL, so the ACL must sit on CloudFront.) The
 * application stack reads its ARN through a cross-region reference. WAF publishes its metrics
 * for a CLOUDFRONT web ACL in us-east-1 too, and an alarm can only notify a topic in its own
 * region, so the blocked-requests alarm and the topic it notifies are here as well.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { WaypointSettings } from '../config/settings.ts';
import { TOO_MANY_REQUESTS_BODY, webAclRules } from './web-acl-rules.ts';

/**
 * Blocked requests in five minutes that mean more than the usual scanners: a flood, or a rule
 * starting to block real users (a council's office behind one address, a long audit's body).
 */
export const WAF_BLOCKED_SPIKE = 500;

export interface EdgeStackProps extends StackProps {
  settings: WaypointSettings;
}

export class EdgeStack extends Stack {
  readonly webAclArn: string;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    const webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `waypoint-${props.settings.stage}`,
      description: 'Rate limits and managed rules in front of Waypoint',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      rules: webAclRules({
        publicPerFiveMinutes: props.settings.wafPublicRateLimit,
        overallPerFiveMinutes: props.settings.wafOverallRateLimit,
      }),
      customResponseBodies: {
        [TOO_MANY_REQUESTS_BODY]: {
          contentType: 'TEXT_PLAIN',
          content: 'Too many requests. Please wait a few minutes and try again.',
        },
      },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'waypoint', sampledRequestsEnabled: true },
    });
    this.webAclArn = webAcl.attrArn;
    this.blockedRequestsAlarm(webAcl, props.settings.alarmEmail);
  }

  private blockedRequestsAlarm(webAcl: CfnWebACL, alarmEmail: string | undefined): void {
    // CloudWatch cannot publish to a topic under the AWS-managed SNS key (as in the monitoring stack).
    const topicKey = new Key(this, 'EdgeAlarmTopicKey', { description: 'Encrypts Waypoint edge alarm notifications', enableKeyRotation: true });
    topicKey.grant(new ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    const topic = new Topic(this, 'EdgeAlarms', { displayName: 'Waypoint edge alarms', masterKey: topicKey, enforceSSL: true });
    if (alarmEmail) topic.addSubscription(new EmailSubscription(alarmEmail));
    const blocked = new Metric({
      namespace: 'AWS/WAFV2',
      metricName: 'BlockedRequests',
      dimensionsMap: { WebACL: webAcl.name!, Rule: 'ALL' },
      statistic: 'Sum',
      period: Duration.minutes(5),
    });
    const alarm = new Alarm(this, 'WafBlockedRequestsSpike', {
      alarmDescription: `The WAF blocked ${WAF_BLOCKED_SPIKE} or more requests in five minutes: a flood, or a rule blocking real users`,
      metric: blocked,
      threshold: WAF_BLOCKED_SPIKE,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(topic));
  }
}
