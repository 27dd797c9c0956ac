/**
 * The CDK app: `npx cdk synth` / `npx cdk deploy --all` from the repository root. Settings come
 * from CDK context; the portal is the svelte-kit-sst build if there is one, else a placeholder.
 */
import { App } from 'aws-cdk-lib';
import { APP_CONTEXT } from './config/app-context.ts';
import { PORTAL_BUILD_DIR } from './config/paths.ts';
import { readSettings } from './config/settings.ts';
import { locatePortalBuild } from './portal/portal-build.ts';
import { buildWaypoint } from './waypoint.ts';

const app = new App({ context: { ...APP_CONTEXT } });
const settings = readSettings((key) => app.node.tryGetContext(key));
const portalBuild = locatePortalBuild(PORTAL_BUILD_DIR, { required: settings.requirePortalBuild });
buildWaypoint(app, settings, portalBuild);

app.synth();
