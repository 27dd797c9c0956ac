/**
 * The edge stack, always in us-east-1: a WAF web ACL of CLOUDFRONT scope can only be made
 * there. (HTTP APIs cannot take a regional web ACL, so the ACL must sit on CloudFront.) The
 * application stack reads its ARN through a cross-region reference.
 */
import { Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { WaypointSettings } from '../config/settings.ts';
import { TOO_MANY_REQUESTS_BODY, webAclRules } from './web-acl-rules.ts';

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
  }
}
