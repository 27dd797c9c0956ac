/** Specifies the alarms that tell an operator Waypoint is failing its users. */
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthWaypoint } from '../test-support/synth-waypoint.ts';
import type { SynthesizedWaypoint } from '../test-support/synth-waypoint.ts';

let waypoint: SynthesizedWaypoint;
let alarms: Record<string, any>[];
beforeAll(() => {
  waypoint = synthWaypoint({ alarmEmail: 'waypoint-ops@example.gov.uk' });
  alarms = Object.values(waypoint.templates.monitoring.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
});

const described = (pattern: RegExp): Record<string, any>[] => alarms.filter((alarm) => pattern.test(alarm.AlarmDescription));

describe('alarms', () => {
  it('fire on server errors from the HTTP API', () => {
    const alarm = described(/HTTP API answered with server errors/)[0]!;
    expect(alarm).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: '5xx', Statistic: 'Sum' });
    expect(alarm.Dimensions).toEqual(expect.arrayContaining([{ Name: 'Stage', Value: '$default' }]));
  });

  it('fire on errors and throttles of every Waypoint Lambda', () => {
    for (const name of ['Api', 'Jobs', 'Portal', 'PreTokenGeneration']) {
      expect(described(new RegExp(`The ${name} Lambda failed`))[0]).toMatchObject({ MetricName: 'Errors', Threshold: 1 });
      expect(described(new RegExp(`The ${name} Lambda was throttled`))[0]).toMatchObject({ MetricName: 'Throttles', Threshold: 1 });
    }
  });

  it('fire on DynamoDB read and write throttles, summed over the table and its indexes', () => {
    for (const kind of ['reads', 'writes']) {
      const alarm = described(new RegExp(`DynamoDB throttled ${kind}`))[0]!;
      const expression = alarm.Metrics.find((m: any) => m.Expression).Expression as string;
      expect(expression).toMatch(/^FILL\(table, 0\)( \+ FILL\(index\d, 0\))+$/);
    }
  });

  it('treat missing data as fine, so a quiet night is not an alarm', () => {
    for (const alarm of alarms) expect(alarm.TreatMissingData).toBe('notBreaching');
  });

  it('notify an encrypted topic, with the operator’s email subscribed from context', () => {
    for (const alarm of alarms) expect(alarm.AlarmActions).toHaveLength(1);
    waypoint.templates.monitoring.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    waypoint.templates.monitoring.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'waypoint-ops@example.gov.uk',
    });
  });
});
