/**
 * Synthesizes the whole Waypoint app for a test file, without bundling any Lambda and with
 * the portal as the placeholder (or a small fake build), and hands back each stack's template
 * and cdk-nag's findings. Synthesize once per file and share the result: it takes seconds.
 * A worker runs its unit files one after another in one module graph (vitest.config.ts), so a
 * synth asked for again with the same context and options is the one already made: six files
 * read the default deployment. Tests only read what a synth hands back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { APP_CONTEXT } from '../config/app-context.ts';
import { repoPath } from '../config/paths.ts';
import { readSettings } from '../config/settings.ts';
import type { WaypointSettings } from '../config/settings.ts';
import { locatePortalBuild } from '../portal/portal-build.ts';
import { buildWaypoint } from '../waypoint.ts';
import type { WaypointStacks } from '../waypoint.ts';

export const TEST_ACCOUNT = '111122223333';

export interface NagFinding {
  rule: string;
  path: string;
  severity: string;
}

export interface SynthesizedWaypoint {
  settings: WaypointSettings;
  stacks: WaypointStacks;
  templates: Record<keyof WaypointStacks, Template>;
  /** Unacknowledged AwsSolutions findings (acknowledged ones are not reported). */
  nagFindings: NagFinding[];
  /** Findings of CDK's built-in CloudFormation validation, when it was asked for. */
  templateFindings: NagFinding[];
}

/**
 * A directory laid out like svelte-kit-sst's output, with two top-level static files. It sits
 * inside the repository (under the ignored node_modules/.cache) because NodejsFunction wants
 * its entry under the project root; remove it with `fs.rmSync(dir, { recursive: true })`.
 */
export function fakePortalBuild(): string {
  const parent = repoPath('node_modules', '.cache', 'waypoint-infra-tests');
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, 'portal-build-'));
  const files: Record<string, string> = {
    'server/lambda-handler/index.js': 'export const handler = async () => ({ statusCode: 200 });\n',
    'client/_app/immutable/entry/start.js': 'export {};\n',
    'client/_app/version.json': '{"version":"test"}\n',
    'client/favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
    'client/robots.txt': 'User-agent: *\nDisallow: /\n',
    'prerendered/accessibility.html': '<!doctype html><title>Accessibility</title>\n',
  };
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

interface ValidationReport {
  pluginReports: {
    pluginName: string;
    violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

function findings(assemblyDir: string, pluginName: string): NagFinding[] {
  const file = path.join(assemblyDir, 'validation-report.json');
  if (!fs.existsSync(file)) return [];
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as ValidationReport;
  return report.pluginReports
    .filter((plugin) => plugin.pluginName === pluginName)
    .flatMap((plugin) =>
      plugin.violations.flatMap((violation) =>
        violation.violatingConstructs.map((construct) => ({
          rule: violation.ruleName,
          path: construct.constructPath,
          severity: violation.severity,
        })),
      ),
    );
}

export interface SynthOptions {
  portalBuildDir?: string;
  /** CDK's own template checks take seconds; only the cdk-nag suite asks for them. */
  cloudFormationValidation?: boolean;
}

const made = new Map<string, SynthesizedWaypoint>();

export function synthWaypoint(context: Record<string, unknown> = {}, options: SynthOptions = {}): SynthesizedWaypoint {
  // A portal build directory is the calling file's own, removed after it: such a synth is never handed on.
  if (options.portalBuildDir) return synthesize(context, options);
  const key = JSON.stringify([context, options]);
  let synthesized = made.get(key);
  if (!synthesized) {
    synthesized = synthesize(context, options);
    made.set(key, synthesized);
  }
  return synthesized;
}

function synthesize(context: Record<string, unknown>, options: SynthOptions): SynthesizedWaypoint {
  const app = new App({
    builtinCloudFormationValidation: options.cloudFormationValidation ?? false,
    outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'waypoint-cdk-out-')),
    context: {
      ...APP_CONTEXT,
      account: TEST_ACCOUNT,
      // Skip esbuild: the tests read templates, not bundles.
      'aws:cdk:bundling-stacks': [],
      // Report cdk-nag findings in the assembly instead of throwing, so tests can list them.
      '@aws-cdk/core:failSynthOnValidationErrors': false,
      ...context,
    },
  });
  const settings = readSettings((key) => app.node.tryGetContext(key), {});
  const portalBuild = locatePortalBuild(options.portalBuildDir ?? path.join(os.tmpdir(), 'waypoint-no-portal-build'), {
    required: settings.requirePortalBuild,
  });
  const stacks = buildWaypoint(app, settings, portalBuild);
  const assembly = app.synth();
  const templates = Object.fromEntries(Object.entries(stacks).map(([name, stack]) => [name, Template.fromStack(stack)])) as Record<keyof WaypointStacks, Template>;
  return {
    settings,
    stacks,
    templates,
    nagFindings: findings(assembly.directory, 'AwsSolutions'),
    templateFindings: findings(assembly.directory, 'CloudFormation Validate'),
  };
}
