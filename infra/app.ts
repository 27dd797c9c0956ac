/**
 * The CDK app: `npx cdk synth` / `npx cdk deploy --all` from the repository root. Settings come
 * from CDK context; the portal is the svelte-kit-sst build if there is one, else a placeholder.
 */
import { Annotations, App } from 'aws-cdk-lib';
import { APP_CONTEXT } from './config/app-context.ts';
import { PORTAL_BUILD_DIR } from './config/paths.ts';
import { readSettings } from './config/settings.ts';
import { locatePortalBuild } from './portal/portal-build.ts';
import { buildWaypoint } from './waypoint.ts';

const app = new App({ context: { ...APP_CONTEXT } });
const settings = readSettings((key) => app.node.tryGetContext(key));
const portalBuild = locatePortalBuild(PORTAL_BUILD_DIR, { required: settings.requirePortalBuild });
const stacks = buildWaypoint(app, settings, portalBuild);

if (portalBuild.kind === 'placeholder') {
  Annotations.of(stacks.application).addWarningV2(
    'waypoint:portal-placeholder',
    'No portal build found: the PLACEHOLDER portal is packaged. Run `PORTAL_ADAPTER=lambda npm run build -w portal` before deploying.',
  );
}

app.synth();
