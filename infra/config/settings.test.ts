/** Specifies how CDK context becomes deployment settings, and which mistakes stop the synth. */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { SettingsError, readSettings } from './settings.ts';

const TENANT = '0f8fad5b-d9cb-469f-a165-70867728950e';

function settingsFrom(context: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) {
  return readSettings((key) => context[key], env);
}

describe('deployment settings', () => {
  it('defaults to a London deployment with backups copied to Ireland, no email and no federation', () => {
    const settings = settingsFrom({});
    expect(settings).toMatchObject({
      stage: 'prod',
      region: 'eu-west-2',
      backupCopyRegion: 'eu-west-1',
      sesIdentity: undefined,
      federations: [],
      portalDomain: undefined,
      logRetention: RetentionDays.THREE_MONTHS,
      logLevel: 'INFO',
      requirePortalBuild: false,
    });
  });

  it('ignores the CLI’s fallback region, so data never lands in us-east-1 by accident', () => {
    expect(settingsFrom({}, { CDK_DEFAULT_REGION: 'us-east-1' }).region).toBe('eu-west-2');
    expect(settingsFrom({ region: 'eu-west-1' }).region).toBe('eu-west-1');
  });

  it('takes the account from context or from the CLI’s credentials', () => {
    expect(settingsFrom({}, { CDK_DEFAULT_ACCOUNT: '111122223333' }).account).toBe('111122223333');
    expect(settingsFrom({ account: '444455556666' }, { CDK_DEFAULT_ACCOUNT: '111122223333' }).account).toBe('444455556666');
  });

  it('reads federation given on the command line as a JSON string', () => {
    const federation = JSON.stringify({ type: 'saml', name: 'NorthshireEntra', tenantId: TENANT, metadataUrl: 'https://login.example/metadata.xml' });
    expect(settingsFrom({ federation }).federations).toEqual([{ type: 'saml', name: 'NorthshireEntra', tenantId: TENANT, metadataUrl: 'https://login.example/metadata.xml' }]);
  });

  it('reads several OIDC and SAML providers from cdk.json', () => {
    const federation = [
      { type: 'oidc', name: 'Southshire', tenantId: TENANT, issuerUrl: 'https://idp.example', clientId: 'abc', clientSecretName: 'southshire-oidc' },
      { type: 'saml', name: 'Westshire', tenantId: TENANT, metadataUrl: 'https://w.example/metadata' },
    ];
    expect(settingsFrom({ federation }).federations.map((f) => f.type)).toEqual(['oidc', 'saml']);
  });

  it('refuses a federated provider without a tenant UUID, since its users would have no tenant', () => {
    const federation = { type: 'saml', name: 'Northshire', tenantId: 'northshire', metadataUrl: 'https://x' };
    expect(() => settingsFrom({ federation })).toThrow(SettingsError);
  });

  it('derives the sender from a domain identity, or uses the address identity itself', () => {
    expect(settingsFrom({ sesIdentity: 'waypoint.example.gov.uk' }).emailFrom).toBe('no-reply@waypoint.example.gov.uk');
    expect(settingsFrom({ sesIdentity: 'qa@example.gov.uk' }).emailFrom).toBe('qa@example.gov.uk');
    expect(settingsFrom({ sesIdentity: 'example.gov.uk', emailFrom: 'waypoint@example.gov.uk' }).emailFrom).toBe('waypoint@example.gov.uk');
  });

  it('needs the portal domain and its us-east-1 certificate together', () => {
    expect(() => settingsFrom({ portalDomain: 'qa.example.gov.uk' })).toThrow(SettingsError);
    expect(() => settingsFrom({ portalDomain: 'qa.example.gov.uk', portalCertificateArn: 'arn:aws:acm:eu-west-2:111122223333:certificate/x' })).toThrow(/us-east-1/);
    const arn = 'arn:aws:acm:us-east-1:111122223333:certificate/x';
    expect(settingsFrom({ portalDomain: 'qa.example.gov.uk', portalCertificateArn: arn }).portalDomain).toEqual({
      domainName: 'qa.example.gov.uk',
      certificateArn: arn,
    });
  });

  it('accepts flags and numbers as the strings -c passes', () => {
    const settings = settingsFrom({ requirePortalBuild: 'true', wafPublicRateLimit: '250', mfa: 'required', cognitoFeaturePlan: 'PLUS' });
    expect(settings).toMatchObject({ requirePortalBuild: true, wafPublicRateLimit: 250 });
  });

  it('refuses to turn off required MFA or threat protection, which are no longer settings', () => {
    expect(() => settingsFrom({ mfa: 'optional' })).toThrow(/MFA is required/);
    expect(() => settingsFrom({ cognitoFeaturePlan: 'ESSENTIALS' })).toThrow(/threat protection is enforced/);
  });

  it('takes an IAM role ARN for the isolation probe, and nothing else', () => {
    expect(settingsFrom({}).isolationProbeRoleArn).toBeUndefined();
    expect(settingsFrom({ isolationProbeRoleArn: 'arn:aws:iam::111122223333:role/ops-probe' }).isolationProbeRoleArn).toBe('arn:aws:iam::111122223333:role/ops-probe');
    expect(() => settingsFrom({ isolationProbeRoleArn: 'arn:aws:iam::111122223333:user/sam' })).toThrow(/role ARN/);
  });

  it('copies backups to another region than the table’s', () => {
    expect(settingsFrom({ backupCopyRegion: 'eu-central-1' }).backupCopyRegion).toBe('eu-central-1');
    expect(() => settingsFrom({ backupCopyRegion: 'eu-west-2' })).toThrow(/another region/);
    expect(() => settingsFrom({ backupCopyRegion: 'london' })).toThrow(SettingsError);
  });

  it('refuses values that would deploy something other than what was meant', () => {
    expect(() => settingsFrom({ logRetentionDays: '45' })).toThrow(/retention/);
    expect(() => settingsFrom({ cognitoFeaturePlan: 'LITE' })).toThrow(SettingsError);
    expect(() => settingsFrom({ wafPublicRateLimit: '-1' })).toThrow(SettingsError);
    expect(() => settingsFrom({ stage: 'Prod Env' })).toThrow(SettingsError);
    expect(() => settingsFrom({ authDomainPrefix: 'waypoint-cognito' })).toThrow(SettingsError);
    expect(() => settingsFrom({ requirePortalBuild: 'yes' })).toThrow(SettingsError);
  });
});
