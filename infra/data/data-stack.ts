/**
 * The data stack: the single DynamoDB table, built from the shared table definition, and its
 * key; and the one private bucket for stored files (evidence, imports, exports) with its own key.
 */
import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, PolicyStatement, StarPrincipal } from 'aws-cdk-lib/aws-iam';
import type { Role } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { tableDefinition } from '@waypoint/shared/table/table-definition';
import type { IndexDefinition } from '@waypoint/shared/table/table-definition';
import { MalwareProtection } from './malware-protection.ts';
import { objectsBucketName, tenantBucketStatements, uploadCorsOrigins } from './object-bucket-policy.ts';

/** How long an import's uploaded file and an export's archive are kept (the `area` tag). */
export const IMPORT_FILE_DAYS = 7;
export const EXPORT_FILE_DAYS = 7;
/** How long a replaced or deleted file's earlier version is kept, for recovery. */
export const NONCURRENT_VERSION_DAYS = 30;
import { TableBackup } from '../backup/backup-vaults.ts';
import { tableKeyStatement } from './tenant-data-policy.ts';

function projectionOf(index: IndexDefinition) {
  if (index.projection === 'ALL') return { projectionType: ProjectionType.ALL };
  if (index.projection === 'KEYS_ONLY') return { projectionType: ProjectionType.KEYS_ONLY };
  return { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.projection] };
}

export interface DataStackProps extends StackProps {
  stage: string;
  /** Where AWS Backup copies the table's recovery points (BackupCopyStack's region). */
  backupCopyRegion: string;
  /** The portal's custom domain, if it has one: the only origin whose pages may post uploads to the bucket. */
  portalDomain?: string;
}

export class DataStack extends Stack {
  readonly table: Table;
  readonly tableKey: Key;
  readonly objects: Bucket;
  readonly objectsKey: Key;
  readonly objectsAccessLogs: Bucket;
  readonly malwareProtection: MalwareProtection;
  readonly backup: TableBackup;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);

    // Case data is special category personal data: a key we control, so access to it can be
    // audited and revoked separately from access to DynamoDB.
    this.tableKey = new Key(this, 'TableKey', {
      description: 'Encrypts the Waypoint table (case data, audits, feedback)',
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.table = new Table(this, 'Table', {
      partitionKey: { name: tableDefinition.partitionKey, type: AttributeType.STRING },
      sortKey: { name: tableDefinition.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.tableKey,
      timeToLiveAttribute: tableDefinition.expiryAttribute,
      // A stack deletion must never take an authority's records with it.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    for (const index of tableDefinition.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        ...projectionOf(index),
      });
    }
    this.backup = new TableBackup(this, 'Backup', { stage: props.stage, table: this.table, copyRegion: props.backupCopyRegion });
    // The backup role reads the table through DynamoDB, which needs the table's key; only that way.
    const backupRole = this.backup.plan.node.tryFindChild('Table')?.node.tryFindChild('Role') as Role | undefined;
    const key = tableKeyStatement(this.tableKey.keyArn, this.region);
    backupRole?.addToPrincipalPolicy(new PolicyStatement({ sid: key.Sid, actions: key.Action, resources: key.Resource, conditions: key.Condition }));
    new CfnOutput(this, 'TableName', { value: this.table.tableName });

    // Evidence files are case records too: a key of their own, so file access is audited and
    // revocable apart from the table's.
    this.objectsKey = new Key(this, 'ObjectsKey', {
      description: 'Encrypts stored files (evidence, imports, exports)',
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // S3 server access logs (keys are tenant and generated ids, never names); SSE-S3, which is
    // all log delivery supports.
    const accessLogs = (this.objectsAccessLogs = new Bucket(this, 'ObjectsAccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      lifecycleRules: [{ expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    }));
    this.objects = new Bucket(this, 'Objects', {
      bucketName: objectsBucketName(props.stage, this.account, this.region),
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.KMS,
      encryptionKey: this.objectsKey,
      bucketKeyEnabled: true,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'objects/',
      // Browsers upload straight to the bucket with a presigned POST from the portal's pages
      // (its policy fixes key, size and type); nothing here is readable without a presigned GET.
      cors: [{ allowedMethods: [HttpMethods.POST], allowedOrigins: uploadCorsOrigins(props.portalDomain), allowedHeaders: ['*'], maxAge: 600 }],
      lifecycleRules: [
        { id: 'ImportFiles', tagFilters: { area: 'imports' }, expiration: Duration.days(IMPORT_FILE_DAYS) },
        { id: 'ExportFiles', tagFilters: { area: 'exports' }, expiration: Duration.days(EXPORT_FILE_DAYS) },
        { id: 'EarlierVersions', noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_DAYS), expiredObjectDeleteMarker: true },
        { id: 'UnfinishedUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const statement of tenantBucketStatements(this.objects.bucketArn)) {
      this.objects.addToResourcePolicy(
        new PolicyStatement({
          sid: statement.Sid,
          effect: statement.Effect === 'Deny' ? Effect.DENY : Effect.ALLOW,
          principals: [new StarPrincipal()],
          actions: statement.Action,
          ...(statement.Resource ? { resources: statement.Resource } : {}),
          ...(statement.NotResource ? { notResources: statement.NotResource } : {}),
          conditions: statement.Condition,
        }),
      );
    }
    this.malwareProtection = new MalwareProtection(this, 'MalwareProtection', { bucket: this.objects, key: this.objectsKey });
    new CfnOutput(this, 'ObjectsBucketName', { value: this.objects.bucketName });
  }
}
