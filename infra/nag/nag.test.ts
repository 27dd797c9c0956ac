/**
 * Specifies that cdk-nag's AwsSolutions pack finds nothing unacknowledged, in the default
 * deployment and with every optional feature turned on, and that each acknowledgment is a
 * per-resource one with its own reason, made in nag/suppressions.ts and nowhere else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoPath } from '../config/paths.ts';
import { fakePortalBuild, synthWaypoint } from '../test-support/synth-waypoint.ts';
import type { SynthesizedWaypoint } from '../test-support/synth-waypoint.ts';

const EVERYTHING_ON = {
  portalDomain: 'qa.northshire.example.gov.uk',
  portalCertificateArn: 'arn:aws:acm:us-east-1:111122223333:certificate/abc',
  federation: [{ type: 'saml', name: 'NorthshireEntra', tenantId: '0f8fad5b-d9cb-469f-a165-70867728950e', metadataUrl: 'https://login.example/m.xml' }],
  sesIdentity: 'waypoint.northshire.example.gov.uk',
  cognitoEmailViaSes: true,
  alarmEmail: 'ops@northshire.example.gov.uk',
};

let defaults: SynthesizedWaypoint;
let everything: SynthesizedWaypoint;
let buildDir: string;
beforeAll(() => {
  defaults = synthWaypoint({}, { cloudFormationValidation: true });
  buildDir = fakePortalBuild();
  everything = synthWaypoint(EVERYTHING_ON, { portalBuildDir: buildDir });
});
afterAll(() => fs.rmSync(buildDir, { recursive: true, force: true }));

interface Acknowledgment {
  path: string;
  rule: string;
  reason: string;
  construct: IConstruct;
}

function acknowledgments(waypoint: SynthesizedWaypoint): Acknowledgment[] {
  const root = waypoint.stacks.data.node.root;
  return root.node
    .findAll()
    .flatMap((construct) =>
      construct.node.metadata
        .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((entry) => Object.entries(entry.data as Record<string, string>).map(([rule, reason]) => ({ path: construct.node.path, rule, reason, construct }))),
    );
}

const listed = (findings: SynthesizedWaypoint['nagFindings']) => findings.map((f) => `${f.rule} at ${f.path}`);

describe('cdk-nag AwsSolutions', () => {
  it('finds nothing unacknowledged in the default deployment', () => {
    expect(listed(defaults.nagFindings)).toEqual([]);
  });

  it('finds nothing unacknowledged with a custom domain, federation, SES and a portal build', () => {
    expect(listed(everything.nagFindings)).toEqual([]);
  });

  it('never acknowledges optional MFA (COG2) or threat protection off (COG8): both are always on', () => {
    const rules = (waypoint: SynthesizedWaypoint) => acknowledgments(waypoint).map((a) => a.rule);
    for (const waypoint of [defaults, everything]) {
      expect(rules(waypoint)).not.toContain('AwsSolutions::AwsSolutions-COG2');
      expect(rules(waypoint)).not.toContain('AwsSolutions::AwsSolutions-COG8');
    }
  });

  it('acknowledges fewer findings when the deployment has a custom domain', () => {
    const rules = (waypoint: SynthesizedWaypoint) => acknowledgments(waypoint).map((a) => a.rule);
    expect(rules(defaults)).toContain('AwsSolutions::AwsSolutions-CFR4');
    expect(rules(everything)).not.toContain('AwsSolutions::AwsSolutions-CFR4');
  });

  it('acknowledges only on resources, never on a whole stack or the app', () => {
    for (const acknowledgment of acknowledgments(defaults)) {
      expect(acknowledgment.construct instanceof Stack || acknowledgment.construct instanceof App, acknowledgment.path).toBe(false);
    }
  });

  it('gives every acknowledgment a reason of its own', () => {
    const all = acknowledgments(defaults);
    expect(all.length).toBeGreaterThan(10);
    for (const { path: at, reason } of all) expect(reason.length, at).toBeGreaterThan(30);
    const reasonsPerResource = new Map<string, Set<string>>();
    for (const { path: at, rule, reason } of all) {
      const key = `${at} ${rule}`;
      expect(reasonsPerResource.has(key), `${key} acknowledged twice`).toBe(false);
      reasonsPerResource.set(key, new Set([reason]));
    }
  });

  it('has every acknowledgment made in nag/suppressions.ts', () => {
    const infraDir = repoPath('infra');
    const sources = fs.readdirSync(infraDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    const acknowledging = sources.filter((file) => /\.acknowledge\(/.test(fs.readFileSync(path.join(infraDir, file), 'utf8')));
    expect(acknowledging).toEqual([path.join('nag', 'suppressions.ts')]);
  });
});

describe('CDK’s own template validation', () => {
  it('finds nothing in the default deployment', () => {
    expect(listed(defaults.templateFindings)).toEqual([]);
  });
});
