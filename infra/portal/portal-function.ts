/**
 * The portal's server-side Lambda (svelte-kit-sst's handler, bundled with its pre-rendered
 * pages) or the placeholder, with the settings the portal needs to sign users in and call
 * the API.
 */
import { Duration } from 'aws-cdk-lib';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { Construct } from 'constructs';
import { waypointFunction } from '../config/node-function.ts';
import type { WaypointSettings } from '../config/settings.ts';
import type { PortalBuild } from './portal-build.ts';

export interface PortalFunctionProps {
  build: PortalBuild;
  settings: WaypointSettings;
}

export interface PortalFunction {
  handler: NodejsFunction;
  sessionSecret: Secret;
}

export function portalFunction(scope: Construct, id: string, props: PortalFunctionProps): PortalFunction {
  const { build, settings } = props;
  const prerendered = build.prerenderedDir;
  // The key the portal seals session cookies with. Generated once at deploy time; the function
  // gets only its ARN and reads the value from Secrets Manager once per cold start, in the
  // server's init hook (shared/src/config/secret-value.ts), so the value is in neither
  // the template nor the function's configuration.
  const sessionSecret = new Secret(scope, `${id}SessionSecret`, {
    description: 'Seals Waypoint portal session cookies',
    generateSecretString: { passwordLength: 64, excludePunctuation: true },
  });
  const handler = waypointFunction(scope, id, {
    entry: build.serverEntry,
    description: build.kind === 'built' ? 'Waypoint portal (SvelteKit, server-rendered)' : 'Waypoint portal PLACEHOLDER: no portal build was deployed',
    serviceName: 'waypoint-portal',
    logLevel: settings.logLevel,
    logRetention: settings.logRetention,
    memorySize: 1024,
    timeout: Duration.seconds(29),
    environment: { PORTAL_BUILD: build.kind, SESSION_SECRET_ARN: sessionSecret.secretArn },
    format: 'esm',
    // svelte-kit-sst's handler reads pre-rendered pages from ./prerendered beside itself.
    ...(prerendered
      ? {
          commandHooks: {
            beforeBundling: () => [],
            beforeInstall: () => [],
            afterBundling: (_input: string, output: string) => [`cp -R "${prerendered}" "${output}/prerendered"`],
          },
        }
      : {}),
  });
  sessionSecret.grantRead(handler);
  return { handler, sessionSecret };
}
