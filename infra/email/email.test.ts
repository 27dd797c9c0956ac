/** Specifies email in AWS: the SES identity from context and who may send from it. */
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_GROUPS } from '../../functions/src/api/api-groups.ts';
import { synthWaypoint } from '../test-support/synth-waypoint.ts';
import type { SynthesizedWaypoint } from '../test-support/synth-waypoint.ts';

let created: SynthesizedWaypoint;
let existing: SynthesizedWaypoint;
beforeAll(() => {
  created = synthWaypoint({ sesIdentity: 'waypoint.northshire.example.gov.uk', cognitoEmailViaSes: 'true' });
  existing = synthWaypoint({ sesIdentity: 'qa-team@northshire.example.gov.uk', sesIdentityExists: 'true' });
});

function sendPolicies(waypoint: SynthesizedWaypoint) {
  return Object.values(waypoint.templates.application.findResources('AWS::IAM::Policy')).filter((policy) => (policy.Properties.PolicyDocument.Statement as any[]).some((s) => s.Sid === 'SendFromWaypointIdentity'));
}

describe('email through SES', () => {
  it('creates the domain identity, with its DKIM records as outputs to add to DNS', () => {
    created.templates.application.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'waypoint.northshire.example.gov.uk' });
    const outputs = Object.keys(created.templates.application.findOutputs('*'));
    expect(outputs.filter((name) => name.includes('DkimRecord'))).toHaveLength(3);
  });

  it('lets the API and the jobs send from that identity only, and tells them the sender', () => {
    const policies = sendPolicies(created);
    const roles = policies.map((p) => JSON.stringify(p.Properties.Roles));
    // Every API function (one per group of routes) and the jobs function.
    expect(roles).toHaveLength(API_GROUPS.length + 1);
    for (const role of roles) expect(role).toMatch(/Functions(Api[A-Za-z]*|Jobs)Role/);
    for (const policy of policies) {
      const statement = (policy.Properties.PolicyDocument.Statement as any[]).find((s) => s.Sid === 'SendFromWaypointIdentity');
      expect(statement.Action).toBe('ses:SendEmail');
      expect(JSON.stringify(statement.Resource)).toMatch(/:identity\/",\{"Ref":"EmailIdentity/);
    }
    created.templates.application.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          EMAIL_FROM: 'no-reply@waypoint.northshire.example.gov.uk',
          SES_IDENTITY: 'waypoint.northshire.example.gov.uk',
        }),
      },
    });
  });

  it('sends through a configuration set that suppresses bounced and complaining addresses and publishes bounces and complaints to CloudWatch', () => {
    for (const waypoint of [created, existing]) {
      waypoint.templates.application.hasResourceProperties('AWS::SES::ConfigurationSet', {
        Name: 'waypoint-prod',
        SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
        ReputationOptions: { ReputationMetricsEnabled: true },
      });
      waypoint.templates.application.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
        EventDestination: Match.objectLike({
          MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
          CloudWatchDestination: { DimensionConfigurations: [{ DimensionName: 'ses:configuration-set', DimensionValueSource: 'messageTag', DefaultDimensionValue: 'waypoint-prod' }] },
        }),
      });
      const statement = (sendPolicies(waypoint)[0]!.Properties.PolicyDocument.Statement as any[]).find((s) => s.Sid === 'SendFromWaypointIdentity');
      expect(JSON.stringify(statement.Resource)).toMatch(/:configuration-set\/waypoint-prod/);
    }
    created.templates.application.hasResourceProperties('AWS::SES::EmailIdentity', { ConfigurationSetAttributes: { ConfigurationSetName: Match.anyValue() } });
    created.templates.application.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('scheduled jobs'),
      Environment: { Variables: Match.objectLike({ SES_CONFIGURATION_SET: Match.anyValue() }) },
    });
  });

  it('references an identity that already exists instead of creating it again', () => {
    existing.templates.application.resourceCountIs('AWS::SES::EmailIdentity', 0);
    const statement = (sendPolicies(existing)[0]!.Properties.PolicyDocument.Statement as any[]).find((s) => s.Sid === 'SendFromWaypointIdentity');
    expect(JSON.stringify(statement.Resource)).toMatch(/:identity\/qa-team@northshire\.example\.gov\.uk/);
  });

  it('sends Cognito’s invitations through SES too, once asked to', () => {
    created.templates.identity.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: Match.objectLike({ EmailSendingAccount: 'DEVELOPER', From: Match.stringLikeRegexp('no-reply@waypoint.northshire') }),
    });
    existing.templates.identity.hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: Match.absent(),
    });
  });
});
