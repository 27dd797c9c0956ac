/** Specifies the table's backups: the plan, its locked vaults in two regions, and what it selects. */
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { synthWaypoint } from '../test-support/synth-waypoint.ts';
import type { SynthesizedWaypoint } from '../test-support/synth-waypoint.ts';

let waypoint: SynthesizedWaypoint;
beforeAll(() => {
  waypoint = synthWaypoint();
});

function planRules(): Record<string, any> {
  const [plan] = Object.values(waypoint.templates.data.findResources('AWS::Backup::BackupPlan'));
  return Object.fromEntries((plan!.Properties.BackupPlan.BackupPlanRule as any[]).map((rule) => [rule.RuleName, rule]));
}

describe('the table’s backup plan', () => {
  it('takes a daily recovery point kept 35 days and a monthly one kept a year', () => {
    const { Daily, Monthly } = planRules();
    expect(Daily).toMatchObject({ ScheduleExpression: 'cron(0 1 * * ? *)', Lifecycle: { DeleteAfterDays: 35 } });
    expect(Monthly).toMatchObject({ ScheduleExpression: 'cron(0 1 1 * ? *)', Lifecycle: { DeleteAfterDays: 365 } });
  });

  it('copies each recovery point, with the same retention, to the vault in the second region', () => {
    for (const [rule, days] of [
      ['Daily', 35],
      ['Monthly', 365],
    ] as const) {
      const [copy] = planRules()[rule].CopyActions as any[];
      expect(copy.Lifecycle).toEqual({ DeleteAfterDays: days });
      expect(JSON.stringify(copy.DestinationBackupVaultArn)).toContain(':backup:eu-west-1:');
      expect(JSON.stringify(copy.DestinationBackupVaultArn)).toContain('backup-vault:waypoint-prod-copies');
    }
    expect(waypoint.stacks.backupCopy.region).toBe('eu-west-1');
    waypoint.templates.backupCopy.hasResourceProperties('AWS::Backup::BackupVault', { BackupVaultName: 'waypoint-prod-copies' });
  });

  it('selects the table, with a role that may back it up and restore it', () => {
    waypoint.templates.data.hasResourceProperties('AWS::Backup::BackupSelection', {
      BackupSelection: Match.objectLike({ Resources: [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Table'), 'Arn'] }] }),
    });
    waypoint.templates.data.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: Match.arrayWith([Match.objectLike({ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('AWSBackupServiceRolePolicyForRestores')])] })]),
    });
  });

  it('locks both vaults in compliance mode after three days: nothing younger than 35 days can be deleted', () => {
    for (const template of [waypoint.templates.data, waypoint.templates.backupCopy]) {
      template.hasResourceProperties('AWS::Backup::BackupVault', {
        LockConfiguration: { MinRetentionDays: 35, MaxRetentionDays: 366, ChangeableForDays: 3 },
        EncryptionKeyArn: Match.anyValue(),
      });
      template.hasResource('AWS::Backup::BackupVault', { DeletionPolicy: 'Retain' });
    }
  });

  it('keeps earlier versions of stored files (evidence, imports, exports) in a versioned bucket', () => {
    waypoint.templates.data.hasResourceProperties('AWS::S3::Bucket', {
      BucketName: Match.anyValue(),
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } })]) },
    });
  });

  it('keeps the second region’s vault in a stack with termination protection, deployed before the data', () => {
    expect(waypoint.stacks.backupCopy.terminationProtection).toBe(true);
    expect(waypoint.stacks.data.dependencies).toContain(waypoint.stacks.backupCopy);
  });
});
