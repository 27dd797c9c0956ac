/**
 * Deployment settings read from CDK context (cdk.json or `-c key=value`), validated once so
 * that a typo fails the synth with a clear message instead of deploying something odd.
 */
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { isTenantId } from '@waypoint/shared/tenancy/keys';

export interface SamlFederation {
  type: 'saml';
  /** Cognito provider name, shown on the sign-in page (e.g. `NorthshireEntra`). */
  name: string;
  /** The tenant every user of this identity provider belongs to. */
  tenantId: string;
  metadataUrl: string;
}

export interface OidcFederation {
  type: 'oidc';
  name: string;
  tenantId: string;
  issuerUrl: string;
  clientId: string;
  /** Secrets Manager secret holding the client secret; resolved by CloudFormation, never synthesized. */
  clientSecretName: string;
}

export type Federation = SamlFederation | OidcFederation;

export interface CustomDomain {
  domainName: string;
  /** An ACM certificate in us-east-1 (CloudFront and Cognito custom domains need it there). */
  certificateArn: string;
}

export interface WaypointSettings {
  /** Names the stacks (`Waypoint-<stage>-Data`), so several deployments can share an account. */
  stage: string;
  account: string | undefined;
  region: string;
  /** Prefix of the Cognito hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`). */
  authDomainPrefix: string | undefined;
  portalDomain: CustomDomain | undefined;
  federations: Federation[];
  /** A verified SES identity: a domain (`waypoint.example.gov.uk`) or one address. */
  sesIdentity: string | undefined;
  emailFrom: string | undefined;
  /** The identity is already verified in this account and region: reference it, do not create it. */
  sesIdentityExists: boolean;
  /** Send Cognito's own mail (invitations, codes) through SES; turn on once the identity is verified. */
  cognitoEmailViaSes: boolean;
  alarmEmail: string | undefined;
  logRetention: RetentionDays;
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  apiThrottle: { rateLimit: number; burstLimit: number };
  publicApiThrottle: { rateLimit: number; burstLimit: number };
  /** Requests per IP per five minutes on the public engagement routes, and on everything. */
  wafPublicRateLimit: number;
  wafOverallRateLimit: number;
  /**
   * A role that may assume the tenant data role while the after-deploy isolation probe runs
   * (infra/ops/isolation-probe.ts); unset otherwise, so only Waypoint's own functions can.
   */
  isolationProbeRoleArn: string | undefined;
  /** The label of the origin secret's current rotation; change it to send a rotated value to CloudFront. */
  originSecretRotation: string;
  /** Where AWS Backup keeps its second copy of the table: another region than `region`. */
  backupCopyRegion: string;
  /** Fail the synth instead of packaging the placeholder portal when no portal build exists. */
  requirePortalBuild: boolean;
}

export class SettingsError extends Error {
  constructor(message: string) {
    super(`Invalid CDK context: ${message}`);
    this.name = 'SettingsError';
  }
}

type ContextReader = (key: string) => unknown;

/** `-c key=value` always yields strings; cdk.json can hold real JSON. Accept both. */
function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed);
    } catch {
      throw new SettingsError(`"${trimmed.slice(0, 40)}..." is not valid JSON`);
    }
  }
  return value;
}

function text(read: ContextReader, key: string): string | undefined {
  const value = parsed(read(key));
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new SettingsError(`${key} must be a string`);
  return value;
}

function flag(read: ContextReader, key: string, fallback: boolean): boolean {
  const value = parsed(read(key));
  if (value === undefined) return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new SettingsError(`${key} must be true or false`);
}

function positiveInteger(read: ContextReader, key: string, fallback: number): number {
  const value = parsed(read(key));
  if (value === undefined) return fallback;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new SettingsError(`${key} must be a positive integer`);
  return number;
}

function oneOf<T extends string>(read: ContextReader, key: string, allowed: readonly T[], fallback: T): T {
  const value = text(read, key) ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new SettingsError(`${key} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

const PROVIDER_NAME = /^[A-Za-z0-9_-]{1,32}$/;

function federation(entry: unknown, index: number): Federation {
  if (typeof entry !== 'object' || entry === null) throw new SettingsError(`federation[${index}] must be an object`);
  const record = entry as Record<string, unknown>;
  const field = (name: string): string => {
    const value = record[name];
    if (typeof value !== 'string' || value === '') throw new SettingsError(`federation[${index}].${name} is required`);
    return value;
  };
  const name = field('name');
  if (!PROVIDER_NAME.test(name)) throw new SettingsError(`federation[${index}].name must be letters, digits, - or _`);
  const tenantId = field('tenantId');
  if (!isTenantId(tenantId)) throw new SettingsError(`federation[${index}].tenantId must be a tenant UUID`);
  if (record.type === 'saml') return { type: 'saml', name, tenantId, metadataUrl: field('metadataUrl') };
  if (record.type === 'oidc') {
    return {
      type: 'oidc',
      name,
      tenantId,
      issuerUrl: field('issuerUrl'),
      clientId: field('clientId'),
      clientSecretName: field('clientSecretName'),
    };
  }
  throw new SettingsError(`federation[${index}].type must be "saml" or "oidc"`);
}

function federations(read: ContextReader): Federation[] {
  const value = parsed(read('federation'));
  if (value === undefined || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map(federation);
}

function customDomain(read: ContextReader): CustomDomain | undefined {
  const domainName = text(read, 'portalDomain');
  const certificateArn = text(read, 'portalCertificateArn');
  if (!domainName && !certificateArn) return undefined;
  if (!domainName || !certificateArn) {
    throw new SettingsError('portalDomain and portalCertificateArn go together');
  }
  if (!certificateArn.startsWith('arn:aws:acm:us-east-1:')) {
    throw new SettingsError('portalCertificateArn must be an ACM certificate in us-east-1');
  }
  return { domainName, certificateArn };
}

function retention(read: ContextReader): RetentionDays {
  const days = positiveInteger(read, 'logRetentionDays', RetentionDays.THREE_MONTHS);
  if (!Object.values(RetentionDays).includes(days)) {
    throw new SettingsError(`logRetentionDays must be a CloudWatch retention period (1, 3, 5, 7, 14, 30, 60, 90, ...)`);
  }
  return days as RetentionDays;
}

/**
 * Sign-in protection is not a setting: every deployment requires TOTP MFA of everyone who signs
 * in with a password and runs Cognito's threat protection (PLUS plan) enforced. The context keys
 * that once turned them off are refused rather than ignored, so nobody believes they still work.
 */
function refuseWeakerSignIn(read: ContextReader): void {
  const mfa = text(read, 'mfa');
  if (mfa !== undefined && mfa !== 'required') throw new SettingsError('mfa can no longer be turned off: TOTP MFA is required of everyone who signs in with a password');
  const plan = text(read, 'cognitoFeaturePlan');
  if (plan !== undefined && plan !== 'PLUS') throw new SettingsError('cognitoFeaturePlan is always PLUS: threat protection is enforced in every deployment');
}

function rotationLabel(read: ContextReader): string {
  const label = text(read, 'originSecretRotation') ?? 'first';
  if (!/^[A-Za-z0-9-]{1,32}$/.test(label)) throw new SettingsError('originSecretRotation must be letters, digits or - (for example 2027-01)');
  return label;
}

function probeRole(read: ContextReader): string | undefined {
  const arn = text(read, 'isolationProbeRoleArn');
  if (arn !== undefined && !/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(arn)) throw new SettingsError('isolationProbeRoleArn must be an IAM role ARN');
  return arn;
}

export function readSettings(read: ContextReader, env: NodeJS.ProcessEnv = process.env): WaypointSettings {
  const stage = text(read, 'stage') ?? 'prod';
  if (!/^[a-z][a-z0-9-]{0,15}$/.test(stage)) throw new SettingsError('stage must be lower-case letters, digits or -');
  const sesIdentity = text(read, 'sesIdentity');
  const emailFrom = text(read, 'emailFrom') ?? (sesIdentity?.includes('@') ? sesIdentity : sesIdentity && `no-reply@${sesIdentity}`);
  const authDomainPrefix = text(read, 'authDomainPrefix');
  if (authDomainPrefix && (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(authDomainPrefix) || /aws|amazon|cognito/.test(authDomainPrefix))) {
    throw new SettingsError('authDomainPrefix must be lower-case letters, digits and -, without aws, amazon or cognito');
  }
  refuseWeakerSignIn(read);
  const region = text(read, 'region') ?? 'eu-west-2';
  // Ireland for a London deployment (the nearest other region; see DEPLOY.md on residency).
  const backupCopyRegion = text(read, 'backupCopyRegion') ?? (region === 'eu-west-1' ? 'eu-west-2' : 'eu-west-1');
  if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(backupCopyRegion)) throw new SettingsError('backupCopyRegion must be an AWS region such as eu-west-1');
  if (backupCopyRegion === region) throw new SettingsError('backupCopyRegion must be another region than the table’s, or one outage takes both copies');
  return {
    stage,
    account: text(read, 'account') ?? env.CDK_DEFAULT_ACCOUNT,
    // Not CDK_DEFAULT_REGION: the CLI falls back to us-east-1 when a profile names no region,
    // and an authority's data must not land outside the UK by accident.
    region,
    backupCopyRegion,
    isolationProbeRoleArn: probeRole(read),
    originSecretRotation: rotationLabel(read),
    authDomainPrefix,
    portalDomain: customDomain(read),
    federations: federations(read),
    sesIdentity,
    emailFrom,
    sesIdentityExists: flag(read, 'sesIdentityExists', false),
    cognitoEmailViaSes: flag(read, 'cognitoEmailViaSes', false),
    alarmEmail: text(read, 'alarmEmail'),
    logRetention: retention(read),
    logLevel: oneOf(read, 'logLevel', ['DEBUG', 'INFO', 'WARN', 'ERROR'] as const, 'INFO'),
    apiThrottle: {
      rateLimit: positiveInteger(read, 'apiRateLimit', 100),
      burstLimit: positiveInteger(read, 'apiBurstLimit', 200),
    },
    publicApiThrottle: {
      rateLimit: positiveInteger(read, 'publicApiRateLimit', 20),
      burstLimit: positiveInteger(read, 'publicApiBurstLimit', 40),
    },
    wafPublicRateLimit: positiveInteger(read, 'wafPublicRateLimit', 500),
    wafOverallRateLimit: positiveInteger(read, 'wafOverallRateLimit', 3000),
    requirePortalBuild: flag(read, 'requirePortalBuild', false),
  };
}
