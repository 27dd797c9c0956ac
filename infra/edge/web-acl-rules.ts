/**
 * The WAF rules in front of CloudFront: per-IP rate limits (tighter on the public engagement
 * routes, where nobody signs in) and AWS's managed rule groups for common attacks.
 */
import type { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';

/** The public engagement routes: the portal's feedback pages and the API they call. */
export const PUBLIC_ROUTE_PREFIXES = ['/have-your-say', '/v1/public/'] as const;

export const TOO_MANY_REQUESTS_BODY = 'too-many-requests';

type Rule = CfnWebACL.RuleProperty;

function visibility(metricName: string): CfnWebACL.VisibilityConfigProperty {
  return { cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true };
}

const blockWith429: CfnWebACL.RuleActionProperty = {
  block: { customResponse: { responseCode: 429, customResponseBodyKey: TOO_MANY_REQUESTS_BODY } },
};

function pathStartsWith(prefix: string): CfnWebACL.StatementProperty {
  return {
    byteMatchStatement: {
      fieldToMatch: { uriPath: {} },
      positionalConstraint: 'STARTS_WITH',
      searchString: prefix,
      textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
    },
  };
}

function managedGroup(name: string, priority: number, ruleActionOverrides?: CfnWebACL.RuleActionOverrideProperty[]): Rule {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name, ...(ruleActionOverrides ? { ruleActionOverrides } : {}) } },
    visibilityConfig: visibility(name),
  };
}

/**
 * Limits count requests per client IP over five minutes. A school's pupils may share one IP,
 * so the public limit is per classroom rather than per child: keep it generous.
 */
export function webAclRules(limits: { publicPerFiveMinutes: number; overallPerFiveMinutes: number }): Rule[] {
  return [
    {
      name: 'RateLimitPublicEngagement',
      priority: 0,
      action: blockWith429,
      statement: {
        rateBasedStatement: {
          limit: limits.publicPerFiveMinutes,
          evaluationWindowSec: 300,
          aggregateKeyType: 'IP',
          scopeDownStatement: { orStatement: { statements: PUBLIC_ROUTE_PREFIXES.map(pathStartsWith) } },
        },
      },
      visibilityConfig: visibility('RateLimitPublicEngagement'),
    },
    {
      name: 'RateLimitEverything',
      priority: 1,
      action: blockWith429,
      statement: { rateBasedStatement: { limit: limits.overallPerFiveMinutes, evaluationWindowSec: 300, aggregateKeyType: 'IP' } },
      visibilityConfig: visibility('RateLimitEverything'),
    },
    managedGroup('AWSManagedRulesAmazonIpReputationList', 2),
    // Audits with many answers exceed the common rule set's 8 KB body limit; the API itself
    // refuses bodies over 256 KB, so count that rule instead of blocking on it.
    managedGroup('AWSManagedRulesCommonRuleSet', 3, [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }]),
    managedGroup('AWSManagedRulesKnownBadInputsRuleSet', 4),
  ];
}
