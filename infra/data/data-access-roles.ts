/**
 * The two roles through which Lambda code reaches the table: the tenant data role (assumed
 * per tenant with a `TenantId` session tag) and the platform role. The Lambda roles
 * themselves get no DynamoDB permissions at all.
 */
import { Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { ArnPrincipal, CompositePrincipal, PolicyDocument, PolicyStatement, Role } from 'aws-cdk-lib/aws-iam';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { tableDefinition } from '@waypoint/shared/table/table-definition';
import { objectKeyStatement, tenantObjectStatements } from './object-bucket-policy.ts';
import { platformDataPolicy, tableKeyStatement, tenantDataPolicy } from './tenant-data-policy.ts';
import type { PolicyDocumentJson } from './tenant-data-policy.ts';

export interface DataAccessRolesProps {
  table: ITable;
  tableKey: IKey;
  /** The files bucket and its key: the tenant role reaches only `tenants/<its tag>/*` there. */
  objectsBucketName: string;
  objectsKey: IKey;
  /** The Lambda execution roles allowed to assume the data roles (API and jobs). */
  trustedRoles: IRole[];
  /**
   * Roles that may assume the tenant data role only (the sign-in token trigger, which makes a
   * council's person a user of the tenant their provider was connected for). They are granted
   * the AssumeRole themselves, in their own stack, on the role's fixed name.
   */
  tenantOnlyRoles: IRole[];
  /** Names the tenant data role (`waypoint-<stage>-tenant-data`), so other stacks can name it too. */
  stage: string;
}

/** The tenant data role's fixed name, which the identity stack grants its trigger without a reference. */
export const tenantDataRoleName = (stage: string) => `waypoint-${stage}-tenant-data`;

/** A session tag value shaped like a UUID: fixed length, so nothing but a tenant id fits. */
export const TENANT_TAG_SHAPE = '????????-????-????-????-????????????';

function withKeyUse(document: PolicyDocumentJson, keyArn: string, region: string): PolicyDocument {
  return PolicyDocument.fromJson({ ...document, Statement: [...document.Statement, tableKeyStatement(keyArn, region)] });
}

export class DataAccessRoles extends Construct {
  readonly tenantDataRole: Role;
  readonly platformDataRole: Role;

  constructor(scope: Construct, id: string, props: DataAccessRolesProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    const arns = { tableArn: props.table.tableArn, indexNames: tableDefinition.indexes.map((index) => index.name) };

    // Only the named Lambda roles may assume it, only with exactly one tag, TenantId, whose
    // value has the shape of a UUID. Without a tag the policy variable resolves to nothing.
    const tenantTrust = new CompositePrincipal(
      ...[...props.trustedRoles, ...props.tenantOnlyRoles].map((role) =>
        new ArnPrincipal(role.roleArn)
          .withConditions({
            StringLike: { 'aws:RequestTag/TenantId': TENANT_TAG_SHAPE },
            'ForAllValues:StringEquals': { 'aws:TagKeys': ['TenantId'] },
          })
          .withSessionTags(),
      ),
    );
    this.tenantDataRole = new Role(this, 'TenantDataRole', {
      roleName: tenantDataRoleName(props.stage),
      description: 'Assumed per tenant with a TenantId session tag; reaches only the keys of that tenant',
      assumedBy: tenantTrust,
      inlinePolicies: {
        TenantItems: withKeyUse(tenantDataPolicy(arns), props.tableKey.keyArn, region),
        TenantObjects: PolicyDocument.fromJson({
          Version: '2012-10-17',
          Statement: [...tenantObjectStatements(Stack.of(this).formatArn({ service: 's3', region: '', account: '', resource: props.objectsBucketName })), objectKeyStatement(props.objectsKey.keyArn, region)],
        }),
      },
    });

    this.platformDataRole = new Role(this, 'PlatformDataRole', {
      description: 'Reaches only PLATFORM# items (tenant directory, slug lookup)',
      assumedBy: new CompositePrincipal(...props.trustedRoles.map((role) => new ArnPrincipal(role.roleArn))),
      inlinePolicies: { PlatformItems: withKeyUse(platformDataPolicy(arns), props.tableKey.keyArn, region) },
    });

    for (const role of props.trustedRoles) {
      role.addToPrincipalPolicy(
        new PolicyStatement({
          sid: 'AssumeTenantDataRoleWithTag',
          actions: ['sts:AssumeRole', 'sts:TagSession'],
          resources: [this.tenantDataRole.roleArn],
        }),
      );
      role.addToPrincipalPolicy(
        new PolicyStatement({
          sid: 'AssumePlatformDataRole',
          actions: ['sts:AssumeRole'],
          resources: [this.platformDataRole.roleArn],
        }),
      );
    }
  }
}
