/**
 * The single table's shape, used by the CDK stack and by the local bootstrap so that the
 * two cannot drift. Index partition keys are tenant-prefixed like the table's.
 */

export const TABLE_NAME_DEFAULT = 'waypoint';

/** Attribute holding the epoch-seconds expiry; TTL in AWS, filtered on read locally. */
export const EXPIRY_ATTRIBUTE = 'expiresAt';

export interface IndexDefinition {
  name: string;
  partitionKey: string;
  sortKey: string;
  /** Attributes copied into the index besides the keys; `ALL` copies the whole item. */
  projection: 'ALL' | 'KEYS_ONLY' | readonly string[];
}

export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  indexes: [
    { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK', projection: 'ALL' },
    { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK', projection: 'ALL' },
    { name: 'GSI3', partitionKey: 'GSI3PK', sortKey: 'GSI3SK', projection: 'ALL' },
  ] as const satisfies readonly IndexDefinition[],
  expiryAttribute: EXPIRY_ATTRIBUTE,
} as const;

/** Every key attribute the table or an index uses; all are strings. */
export function keyAttributes(): string[] {
  return [tableDefinition.partitionKey, tableDefinition.sortKey, ...tableDefinition.indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
}
