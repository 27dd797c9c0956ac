/**
 * AWS Backup for the table: a locked vault beside it and a locked vault in a second region, so
 * that neither a deleted table, a bad restore, a compromised administrator nor the loss of the
 * London region takes every copy. Point-in-time recovery (35 days, to the second) stays on for
 * "undo the last hour"; these are the longer, immutable copies.
 */
import { ArnFormat, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import { BackupPlan, BackupPlanRule, BackupResource, BackupVault } from 'aws-cdk-lib/aws-backup';
import type { IBackupVault, LockConfiguration } from 'aws-cdk-lib/aws-backup';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Schedule } from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';

/** Daily recovery points kept 35 days; monthly ones kept a year (in both regions). */
export const DAILY_RETENTION = Duration.days(35);
export const MONTHLY_RETENTION = Duration.days(365);

/**
 * A vault lock in compliance mode once `changeableFor` has passed: from then on nobody, not even
 * the account's root user, can delete a recovery point before its retention ends or shorten it.
 * Three days (AWS's minimum) to correct a mistake after the first deploy.
 */
export const VAULT_LOCK: LockConfiguration = {
  minRetention: DAILY_RETENTION,
  maxRetention: Duration.days(366),
  changeableFor: Duration.days(3),
};

export const vaultName = (stage: string, kind: 'backups' | 'copies') => `waypoint-${stage}-${kind}`;

function lockedVault(scope: Construct, id: string, name: string): BackupVault {
  const key = new Key(scope, `${id}Key`, {
    description: `Encrypts the recovery points in ${name}`,
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  return new BackupVault(scope, id, {
    backupVaultName: name,
    encryptionKey: key,
    lockConfiguration: VAULT_LOCK,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}

export interface BackupCopyStackProps extends StackProps {
  stage: string;
}

/** The second region's vault, deployed before the data stack whose plan copies into it. */
export class BackupCopyStack extends Stack {
  readonly vault: BackupVault;

  constructor(scope: Construct, id: string, props: BackupCopyStackProps) {
    super(scope, id, props);
    this.vault = lockedVault(this, 'CopyVault', vaultName(props.stage, 'copies'));
  }
}

export interface TableBackupProps {
  stage: string;
  table: ITable;
  /** The region of the copy vault; its name is fixed, so no cross-region reference is needed. */
  copyRegion: string;
}

export class TableBackup extends Construct {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;

  constructor(scope: Construct, id: string, props: TableBackupProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.vault = lockedVault(this, 'Vault', vaultName(props.stage, 'backups'));
    const copyVault: IBackupVault = BackupVault.fromBackupVaultArn(
      this,
      'CopyVault',
      stack.formatArn({ service: 'backup', region: props.copyRegion, resource: 'backup-vault', resourceName: vaultName(props.stage, 'copies'), arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
    );

    this.plan = new BackupPlan(this, 'Plan', { backupPlanName: `waypoint-${props.stage}-table`, backupVault: this.vault });
    // 01:00 London time is 01:00 or 00:00 UTC: before the nightly retention job (02:30) deletes anything.
    this.plan.addRule(
      new BackupPlanRule({
        ruleName: 'Daily',
        scheduleExpression: Schedule.cron({ minute: '0', hour: '1' }),
        deleteAfter: DAILY_RETENTION,
        copyActions: [{ destinationBackupVault: copyVault, deleteAfter: DAILY_RETENTION }],
      }),
    );
    this.plan.addRule(
      new BackupPlanRule({
        ruleName: 'Monthly',
        scheduleExpression: Schedule.cron({ minute: '0', hour: '1', day: '1' }),
        deleteAfter: MONTHLY_RETENTION,
        copyActions: [{ destinationBackupVault: copyVault, deleteAfter: MONTHLY_RETENTION }],
      }),
    );
    // A role with AWS Backup's own backup and restore policies, which track the services it supports.
    this.plan.addSelection('Table', { resources: [BackupResource.fromDynamoDbTable(props.table)], allowRestores: true });
  }
}
