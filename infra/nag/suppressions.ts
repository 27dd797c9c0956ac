/**
 * Every cdk-nag (AwsSolutions) acknowledgment in the app, in one place: each names the
 * resource it applies to and says why that finding is accepted there. Nothing is
 * acknowledged for a whole stack or app; a new finding anywhere fails the infra tests.
 */
import { Stack, Token, Validations } from 'aws-cdk-lib';
import type { CfnResource } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import type { WaypointSettings } from '../config/settings.ts';
import type { WaypointStacks } from '../waypoint.ts';
import { objectsBucketName } from '../data/object-bucket-policy.ts';

/** Why each route the JWT authorizer does not guard is open. */
const OPEN_ROUTE_REASONS: Record<string, string> = {
  '/v1/public/{proxy+}': 'Public engagement API: children and families have no accounts; the API checks the signed, short-lived engagement session itself, and WAF and a route throttle limit abuse.',
  '/v1/health': 'Health check for operators and probes; it reports only whether the database is reachable.',
  '/v1/openapi.json': 'The API description is public documentation and contains no data.',
  '/v1/reference': 'The readable API reference page, generated from the public API description; no data.',
  '/': 'Portal home page: the portal signs staff in itself (OIDC with PKCE) and keeps a sealed session cookie; it calls the API with the user’s access token.',
  '/{proxy+}': 'Portal pages and form posts: the portal authenticates staff with its own OIDC session, and every API call it makes carries the user’s access token through the JWT authorizer.',
  '/have-your-say': 'Public engagement area start page: no accounts by design; rate-limited by WAF and a route throttle.',
  '/have-your-say/{proxy+}': 'Public engagement pages: opened by an invitation code or a tenant’s public link, no accounts by design; rate-limited by WAF and a route throttle.',
};

function acknowledge(construct: IConstruct, id: string, reason: string): void {
  Validations.of(construct).acknowledge({ id: `AwsSolutions::AwsSolutions-${id}`, reason });
}

function logicalIdOf(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnResource);
}

/** CDK's bucket-deployment handler: the singleton Lambda it adds to the stack. */
function bucketDeploymentHandler(stack: Stack): IConstruct {
  const handler = stack.node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (!handler) throw new Error('The portal asset deployment handler was not found');
  return handler;
}

export function applySuppressions(stacks: WaypointStacks, settings: WaypointSettings): void {
  const { application, data } = stacks;
  acknowledge(data.objectsAccessLogs, 'S1', 'It is the files bucket’s server access log bucket; logging its own writes would log the logs.');

  // AWS Backup's own service-role policies: they follow the services and key uses AWS Backup
  // needs for a DynamoDB backup and restore, which a hand-written copy would fall behind.
  const backupRole = data.backup.plan.node.findChild('Table').node.findChild('Role');
  acknowledge(
    backupRole,
    'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup]',
    'AWS Backup’s managed backup policy, maintained by AWS as the service changes; the role is assumable only by backup.amazonaws.com and selects only the Waypoint table.',
  );
  acknowledge(
    backupRole,
    'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores]',
    'AWS Backup’s managed restore policy, so a restore into a new table (the runbook in docs/DEPLOY.md) works without widening anything by hand.',
  );

  for (const [path, routes] of application.httpApi.openRoutes) {
    const reason = OPEN_ROUTE_REASONS[path];
    if (!reason) throw new Error(`No reason recorded for leaving ${path} without the JWT authorizer`);
    for (const route of routes) acknowledge(route, 'APIG4', reason);
  }

  const { web } = application;
  acknowledge(web.assets, 'S1', 'Holds only the portal’s built static files; only CloudFront (origin access control) reads it, and viewer requests are logged at CloudFront.');
  acknowledge(web.distribution, 'CFR1', 'No geo restriction: staff travel and work remotely, and families and care leavers may respond from abroad; WAF rate limits and managed rules apply everywhere.');
  acknowledge(web.distribution, 'CFR3', 'Access logs are delivered by standard logging v2 (the EdgeLogs stack) with a field list that leaves out the viewer IP; legacy logging, which this rule checks for, always records it.');
  if (!settings.portalDomain) {
    acknowledge(web.distribution, 'CFR4', 'Without a custom domain CloudFront serves *.cloudfront.net, whose TLS floor cannot be raised; setting portalDomain and portalCertificateArn gives TLSv1.2_2021.');
  }
  acknowledge(
    application.originVerifySecret,
    'SMG4',
    'Rotated by the runbook in docs/DEPLOY.md (new value, then a deploy with a new originSecretRotation label so CloudFront sends it); the API and portal accept the previous value meanwhile. A scheduled rotation would change the value without updating CloudFront.',
  );
  acknowledge(application.portalSessionSecret, 'SMG4', 'The session-sealing key is rotated by replacing the secret and redeploying, which signs everyone out; scheduled rotation would do that at random.');
  acknowledge(
    application.functions.clientAddressSecret,
    'SMG4',
    'Only signs visitor addresses between the portal and the API; it is rotated by replacing the secret and redeploying both, and scheduled rotation would let instances on the old and new key disagree for a while.',
  );
  acknowledge(
    application.functions.engagementSessionSecret,
    'SMG4',
    'Have-your-say sessions last minutes; the signing key is rotated by replacing the secret and redeploying, which only asks a child mid-form to enter their code again. Scheduled rotation would do that at random.',
  );

  // CDK's bucket-deployment handler copies the portal's files into the assets bucket. Its
  // runtime and its S3 permissions are CDK's; they reach only the CDK asset bucket and ours.
  const deployment = web.assetDeploymentRole;
  const { region, account } = Stack.of(deployment);
  const accountInArn = Token.isUnresolved(account) ? '<AWS::AccountId>' : account;
  const deploymentGrants: [string, string][] = [
    ['Action::s3:GetObject*', 'Reads the uploaded asset archive (CDK grant).'],
    ['Action::s3:GetBucket*', 'Reads bucket metadata while copying (CDK grant).'],
    ['Action::s3:List*', 'Lists the bucket to copy and prune files (CDK grant).'],
    ['Action::s3:DeleteObject*', 'Replaces files it deployed before (CDK grant).'],
    ['Action::s3:Abort*', 'Aborts an interrupted multipart upload (CDK grant).'],
    [`Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${accountInArn}-${region}/*`, 'The CDK bootstrap bucket holding the asset archive.'],
    [`Resource::<${logicalIdOf(web.assets)}.Arn>/*`, 'Every object of the portal assets bucket, which it owns the content of.'],
    ['Resource::*', 'cloudfront:CreateInvalidation has no resource-level permissions.'],
  ];
  for (const [finding, reason] of deploymentGrants) acknowledge(deployment, `IAM5[${finding}]`, reason);
  // The tenant data role's one wildcard: every object under its own tenant's prefix, the
  // tenant named by its session tag (the bucket policy denies the same sessions everything else).
  acknowledge(
    application.dataAccess.tenantDataRole,
    `IAM5[Resource::arn:<AWS::Partition>:s3:::${objectsBucketName(settings.stage, accountInArn, region)}/tenants/<aws:PrincipalTag/TenantId>/*]`,
    'Every file under the caller’s own tenant prefix (ids we generate); the TenantId session tag names the tenant, as LeadingKeys does for the table.',
  );
  // GuardDuty's malware scan: AWS's documented role for a protection plan.
  const scanRole = data.malwareProtection.role;
  const scanAccount = Token.isUnresolved(Stack.of(scanRole).account) ? '<AWS::AccountId>' : Stack.of(scanRole).account;
  acknowledge(
    scanRole,
    `IAM5[Resource::arn:aws:events:${Stack.of(scanRole).region}:${scanAccount}:rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*]`,
    'The EventBridge rule GuardDuty creates for the plan; its name carries a suffix GuardDuty chooses, and the statement requires events:ManagedBy to be the plan.',
  );
  acknowledge(scanRole, `IAM5[Resource::<${logicalIdOf(data.objects)}.Arn>/tenants/*]`, 'GuardDuty reads and tags every new file under tenants/, whichever tenant it belongs to: that is the scan.');
  acknowledge(bucketDeploymentHandler(application), 'L1', 'CDK chooses and updates the runtime of its bucket-deployment handler.');
}
