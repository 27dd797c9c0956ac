/** Specifies the WAF web ACL in front of CloudFront and CloudFront's IP-free access logs. */
import { beforeAll, describe, expect, it } from 'vitest';
import { synthWaypoint } from '../test-support/synth-waypoint.ts';
import type { SynthesizedWaypoint } from '../test-support/synth-waypoint.ts';
import { WAF_BLOCKED_SPIKE } from './edge-stack.ts';

let waypoint: SynthesizedWaypoint;
beforeAll(() => {
  waypoint = synthWaypoint({ wafPublicRateLimit: 300 });
});

function rules(): Record<string, any> {
  const [acl] = Object.values(waypoint.templates.edge.findResources('AWS::WAFv2::WebACL'));
  return Object.fromEntries((acl!.Properties.Rules as any[]).map((rule) => [rule.Name, rule]));
}

describe('the WAF web ACL', () => {
  it('is a CLOUDFRONT web ACL in us-east-1, the only region that can hold one', () => {
    expect(waypoint.stacks.edge.region).toBe('us-east-1');
    waypoint.templates.edge.hasResourceProperties('AWS::WAFv2::WebACL', { Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
  });

  it('limits each IP on the public engagement routes, answering 429', () => {
    const rule = rules().RateLimitPublicEngagement;
    expect(rule.Priority).toBe(0);
    expect(rule.Action.Block.CustomResponse.ResponseCode).toBe(429);
    const statement = rule.Statement.RateBasedStatement;
    expect(statement).toMatchObject({ Limit: 300, AggregateKeyType: 'IP', EvaluationWindowSec: 300 });
    const prefixes = statement.ScopeDownStatement.OrStatement.Statements.map((s: any) => s.ByteMatchStatement);
    expect(prefixes.map((p: any) => [p.SearchString, p.PositionalConstraint])).toEqual([
      ['/have-your-say', 'STARTS_WITH'],
      ['/v1/public/', 'STARTS_WITH'],
    ]);
    for (const prefix of prefixes) expect(prefix.FieldToMatch).toEqual({ UriPath: {} });
  });

  it('limits every IP overall, more generously', () => {
    expect(rules().RateLimitEverything.Statement.RateBasedStatement).toMatchObject({ Limit: 3000, AggregateKeyType: 'IP' });
  });

  it('applies AWS’s managed rules, counting (not blocking) large bodies, which long audits need', () => {
    expect(Object.keys(rules())).toEqual(expect.arrayContaining(['AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet']));
    expect(rules().AWSManagedRulesCommonRuleSet.Statement.ManagedRuleGroupStatement.RuleActionOverrides).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
  });

  it('alarms on a spike of blocked requests, notifying an encrypted topic in its own region', () => {
    const edge = waypoint.templates.edge;
    const [alarm] = Object.values(edge.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: 'BlockedRequests' } }));
    expect(alarm!.Properties).toMatchObject({ Namespace: 'AWS/WAFV2', Statistic: 'Sum', Period: 300, Threshold: WAF_BLOCKED_SPIKE, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    expect(alarm!.Properties.Dimensions).toEqual(expect.arrayContaining([{ Name: 'Rule', Value: 'ALL' }, expect.objectContaining({ Name: 'WebACL' })]));
    const [topicId] = Object.entries(edge.findResources('AWS::SNS::Topic'))
      .filter(([, topic]) => topic.Properties.KmsMasterKeyId)
      .map(([id]) => id);
    expect(topicId).toBeDefined();
    expect(JSON.stringify(alarm!.Properties.AlarmActions)).toContain(topicId);
  });
});

describe('CloudFront access logs', () => {
  it('are delivered from us-east-1 to a log group that keeps them for the retention period', () => {
    expect(waypoint.stacks.edgeLogs.region).toBe('us-east-1');
    waypoint.templates.edgeLogs.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
    waypoint.templates.edgeLogs.hasResourceProperties('AWS::Logs::DeliverySource', { LogType: 'ACCESS_LOGS' });
  });

  it('leave out who made the request: no IP, port, user agent, cookie, referrer or query string', () => {
    const [delivery] = Object.values(waypoint.templates.edgeLogs.findResources('AWS::Logs::Delivery'));
    const fields = delivery!.Properties.RecordFields as string[];
    expect(fields).toEqual(expect.arrayContaining(['date', 'time', 'cs-method', 'cs-uri-stem', 'sc-status', 'time-taken']));
    for (const personal of ['c-ip', 'x-forwarded-for', 'c-port', 'cs(User-Agent)', 'cs(Cookie)', 'cs(Referer)', 'cs-uri-query']) {
      expect(fields).not.toContain(personal);
    }
  });
});
