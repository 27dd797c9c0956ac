/**
 * Assembles the Waypoint stacks in deployment order, so that `cdk deploy --all` creates
 * everything in one go: edge (us-east-1) → backup copy vault (second region) → data → identity → application → edge logs
 * (us-east-1) → monitoring. Used by the CDK app and by the infra tests alike.
 */
import { Tags, Validations } from 'aws-cdk-lib';
import type { App } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { API_GROUPS } from '../functions/src/api/api-groups.ts';
import { API_FUNCTION_IDS } from './api/api-functions.ts';
import { ApplicationStack } from './application/application-stack.ts';
import { BackupCopyStack } from './backup/backup-vaults.ts';
import type { WaypointSettings } from './config/settings.ts';
import { DataStack } from './data/data-stack.ts';
import { EdgeLogsStack } from './edge/edge-logs-stack.ts';
import { EdgeStack } from './edge/edge-stack.ts';
import { IdentityStack } from './identity/identity-stack.ts';
import { MonitoringStack } from './monitoring/monitoring-stack.ts';
import { applySuppressions } from './nag/suppressions.ts';
import type { PortalBuild } from './portal/portal-build.ts';

/** CloudFront's WAF web ACLs and its log delivery sources exist only in this region. */
export const EDGE_REGION = 'us-east-1';

export interface WaypointStacks {
  edge: EdgeStack;
  backupCopy: BackupCopyStack;
  data: DataStack;
  identity: IdentityStack;
  application: ApplicationStack;
  edgeLogs: EdgeLogsStack;
  monitoring: MonitoringStack;
}

export function buildWaypoint(app: App, settings: WaypointSettings, portalBuild: PortalBuild): WaypointStacks {
  const env = { account: settings.account, region: settings.region };
  const edgeEnv = { account: settings.account, region: EDGE_REGION };
  const name = (part: string) => `Waypoint-${settings.stage}-${part}`;

  const edge = new EdgeStack(app, name('Edge'), {
    env: edgeEnv,
    settings,
    description: 'Waypoint WAF web ACL for CloudFront',
  });
  const backupCopy = new BackupCopyStack(app, name('BackupCopy'), {
    env: { account: settings.account, region: settings.backupCopyRegion },
    stage: settings.stage,
    terminationProtection: true,
    description: 'Waypoint locked backup vault in a second region',
  });
  const data = new DataStack(app, name('Data'), {
    env,
    stage: settings.stage,
    backupCopyRegion: settings.backupCopyRegion,
    portalDomain: settings.portalDomain?.domainName,
    terminationProtection: true,
    description: 'Waypoint table, files bucket, their encryption keys and the table’s backups',
  });
  data.addDependency(backupCopy, 'the backup plan copies into the second region’s vault');
  const identity = new IdentityStack(app, name('Identity'), {
    env,
    settings,
    table: data.table,
    tableKey: data.tableKey,
    terminationProtection: true,
    description: 'Waypoint user pool, token claims trigger and federation',
  });
  const application = new ApplicationStack(app, name('Application'), {
    env,
    crossRegionReferences: true,
    settings,
    table: data.table,
    tableKey: data.tableKey,
    objectsKey: data.objectsKey,
    identity,
    webAclArn: edge.webAclArn,
    portalBuild,
    description: 'Waypoint API, jobs, data roles, portal and CloudFront',
  });
  const edgeLogs = new EdgeLogsStack(app, name('EdgeLogs'), {
    env: edgeEnv,
    crossRegionReferences: true,
    settings,
    distributionId: application.web.distribution.distributionId,
    description: 'Waypoint CloudFront access logs, without viewer IPs',
  });
  const monitoring = new MonitoringStack(app, name('Monitoring'), {
    env,
    alarmEmail: settings.alarmEmail,
    httpApiId: application.httpApi.api.apiId,
    functions: {
      ...Object.fromEntries(API_GROUPS.map((group) => [API_FUNCTION_IDS[group], application.functions.api[group]])),
      Jobs: application.functions.jobs,
      Imports: application.functions.imports,
      Portal: application.portal,
      PreTokenGeneration: identity.preTokenGeneration,
    },
    dataRoleUserLogs: application.functions.all.map((fn) => fn.logGroup),
    table: data.table,
    emailConfigurationSet: application.email?.configurationSetName,
    description: 'Waypoint alarms',
  });

  Tags.of(app).add('application', 'waypoint');
  Tags.of(app).add('stage', settings.stage);

  const stacks = { edge, backupCopy, data, identity, application, edgeLogs, monitoring };
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  applySuppressions(stacks, settings);
  return stacks;
}
