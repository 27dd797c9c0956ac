/** Specifies the alarms that tell an operator Waypoint is failing its users. */
import { Match } from 'aws-cdk-lib/assertions';
import { TENANT_METRICS } from '@waypoint/shared/observability/tenant-metrics';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthWaypoint } from '../test-support/synth-waypoint.ts';
import type { SynthesizedWaypoint } from '../test-support/synth-waypoint.ts';

let waypoint: SynthesizedWaypoint;
let alarms: Record<string, any>[];
beforeAll(() => {
  waypoint = synthWaypoint({ alarmEmail: 'waypoint-ops@example.gov.uk', sesIdentity: 'waypoint.northshire.example.gov.uk' });
  alarms = Object.values(waypoint.templates.monitoring.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
});

/** The platform's REPORT line of a cold start, field by field, with Init Duration the 22nd. */
const INIT_PATTERN =
  '[type = "REPORT", requestIdLabel, requestId, durationLabel, duration, durationUnit, billedLabel, billedDurationLabel, billedDuration, billedUnit, memoryLabel, sizeLabel, memorySize, memoryUnit, maxLabel, maxMemoryLabel, usedLabel, maxMemory, maxMemoryUnit, initLabel = "Init", initDurationLabel, initDuration, initUnit]';

const described = (pattern: RegExp): Record<string, any>[] => alarms.filter((alarm) => pattern.test(alarm.AlarmDescription));

describe('alarms', () => {
  it('fire on server errors from the HTTP API', () => {
    const alarm = described(/HTTP API answered with server errors/)[0]!;
    expect(alarm).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: '5xx', Statistic: 'Sum' });
    expect(alarm.Dimensions).toEqual(expect.arrayContaining([{ Name: 'Stage', Value: '$default' }]));
  });

  it('fire on errors and throttles of every Waypoint Lambda', () => {
    for (const name of ['Api', 'Jobs', 'Imports', 'Portal', 'PreTokenGeneration']) {
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

  it('fire when the HTTP API’s p99 latency stays high for fifteen minutes', () => {
    expect(described(/p99 latency/)[0]).toMatchObject({ Namespace: 'AWS/ApiGateway', MetricName: 'Latency', ExtendedStatistic: 'p99', Threshold: 3000, EvaluationPeriods: 3 });
  });

  it('fire when any Lambda starts slowly, from the Init Duration of its REPORT lines', () => {
    const filters = Object.values(waypoint.templates.monitoring.findResources('AWS::Logs::MetricFilter')).map((f) => f.Properties);
    for (const name of ['Api', 'ApiPlatform', 'ApiEngagement', 'ApiInsight', 'Jobs', 'Imports', 'Portal', 'PreTokenGeneration']) {
      const filter = filters.find((f) => f.MetricTransformations[0].MetricName === `${name}InitDuration`);
      expect(filter?.FilterPattern).toBe(INIT_PATTERN);
      expect(filter?.MetricTransformations[0]).toMatchObject({ MetricValue: '$initDuration', MetricNamespace: 'Waypoint', Unit: 'Milliseconds' });
      expect(described(new RegExp(`The ${name} Lambda took over 3000 ms to start`))[0]).toMatchObject({ MetricName: `${name}InitDuration`, Statistic: 'Maximum' });
    }
  });

  it('fire on any AccessDenied in the logs of the API’s functions, the jobs and the imports, the functions that assume the tenant data role', () => {
    const filters = Object.values(waypoint.templates.monitoring.findResources('AWS::Logs::MetricFilter'))
      .map((f) => f.Properties)
      .filter((f) => f.MetricTransformations[0].MetricName === 'DataAccessDenied');
    expect(filters).toHaveLength(6);
    const groups = filters.map((f) => JSON.stringify(f.LogGroupName)).join(' ');
    for (const id of ['Api', 'ApiPlatform', 'ApiEngagement', 'ApiInsight', 'Jobs', 'Imports']) expect(groups).toMatch(new RegExp(`Functions${id}Logs`));
    for (const filter of filters) expect(filter.FilterPattern).toBe('?"AccessDeniedException" ?"AccessDenied"');
    const alarm = described(/refused a data role/)[0]!;
    expect(alarm.Threshold).toBe(1);
    expect(alarm.Metrics.find((m: any) => m.Expression).Expression).toBe('FILL(denied0, 0) + FILL(denied1, 0) + FILL(denied2, 0) + FILL(denied3, 0) + FILL(denied4, 0) + FILL(denied5, 0)');
  });

  it('fire when any authority or public client is held back by its request limit, summed over every tenant', () => {
    const alarm = described(/held back by its request limit/)[0]!;
    const query = alarm.Metrics.find((m: any) => m.Expression).Expression as string;
    expect(query).toBe(`SELECT SUM(${TENANT_METRICS.throttled}) FROM SCHEMA("Waypoint", service, tenant)`);
  });

  it('fire on email bounces and complaints through the configuration set, and on SES’s reputation rates', () => {
    expect(described(/bounced within an hour/)[0]).toMatchObject({ Namespace: 'AWS/SES', MetricName: 'Bounce', Dimensions: [{ Name: 'ses:configuration-set', Value: 'waypoint-prod' }] });
    expect(described(/marked a Waypoint email as spam/)[0]).toMatchObject({ MetricName: 'Complaint', Threshold: 1 });
    expect(described(/bounce rate reached 5%/)[0]).toMatchObject({ MetricName: 'Reputation.BounceRate', Threshold: 0.05 });
    expect(described(/complaint rate reached 0.1%/)[0]).toMatchObject({ MetricName: 'Reputation.ComplaintRate', Threshold: 0.001 });
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
