/** The data stack: the single DynamoDB table, built from the shared table definition, and its key. */
import { CfnOutput, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { tableDefinition } from '@waypoint/shared/table/table-definition';
import type { IndexDefinition } from '@waypoint/shared/table/table-definition';

function projectionOf(index: IndexDefinition) {
  if (index.projection === 'ALL') return { projectionType: ProjectionType.ALL };
  if (index.projection === 'KEYS_ONLY') return { projectionType: ProjectionType.KEYS_ONLY };
  return { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...index.projection] };
}

export class DataStack extends Stack {
  readonly table: Table;
  readonly tableKey: Key;

  constructor(scope: Construct, id: string, props: StackProps) {
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
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}
