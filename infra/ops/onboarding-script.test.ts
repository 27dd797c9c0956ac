/** Specifies the onboarding script an operator runs to create a tenant and its first admin. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_TEMPLATES } from '@waypoint/shared/templates/built-in/built-in-templates';
import { OnboardingError, onboardingScript, toAttribute } from './onboarding-script.ts';

const request = {
  tenantId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  name: "Northshire's Council",
  slug: 'northshire',
  regionLabel: 'North West',
  adminName: 'Sam Admin',
  adminEmail: 'Sam.Admin@northshire.example.gov.uk',
  tableName: 'Waypoint-prod-Data-Table1234',
  userPoolId: 'eu-west-2_AbCdEf',
  region: 'eu-west-2',
  at: '2025-01-06T09:00:00.000Z',
};
const script = onboardingScript(request);

describe('the onboarding script', () => {
  it('is valid shell', () => {
    expect(() => execFileSync('sh', ['-n'], { input: script })).not.toThrow();
  });

  it('creates the admin account with the tenant and admin role as admin-set attributes', () => {
    expect(script).toContain("admin-create-user --user-pool-id 'eu-west-2_AbCdEf' --username 'sam.admin@northshire.example.gov.uk'");
    expect(script).toContain(`Name=custom:tenant_id,Value=${request.tenantId} Name=custom:role,Value=admin`);
  });

  it('writes the profile, settings, built-in templates, directory, slug and admin record, each only if absent', () => {
    for (const key of [
      `"PK": {\n    "S": "TENANT#${request.tenantId}"\n  },\n  "SK": {\n    "S": "PROFILE"`,
      `"SK": {\n    "S": "SETTINGS"`,
      `"PK": {\n    "S": "PLATFORM#TENANTS"\n  },\n  "SK": {\n    "S": "TENANT#${request.tenantId}"`,
      `"PK": {\n    "S": "PLATFORM#SLUG#northshire"`,
      `"SK": {\n    "S": "USER#ADMIN_SUB_PLACEHOLDER"`,
      `"SK": {\n    "S": "TEMPLATE#journey-of-the-child"`,
      `"SK": {\n    "S": "TEMPLATE#tac-reflective-case-summary"`,
    ]) {
      expect(script).toContain(key);
    }
    // Five set-up items (the slug claim, profile, settings, admin record, directory entry) plus a head and version 1 for each built-in template and feedback form.
    expect(script.match(/--condition-expression 'attribute_not_exists\(PK\)'/g)).toHaveLength(5 + 2 * BUILT_IN_TEMPLATES.length);
  });

  it('makes the admin record’s id the Cognito sub, which tokens carry as the caller', () => {
    expect(script).toContain('sed "s/ADMIN_SUB_PLACEHOLDER/$ADMIN_SUB/g"');
    expect(script).toContain(`"id": {\n    "S": "ADMIN_SUB_PLACEHOLDER"`);
  });

  it('quotes names so that an apostrophe cannot break out of the shell string', () => {
    expect(script).toContain(`'Done. Sam Admin can sign in with sam.admin@northshire.example.gov.uk and the emailed temporary password.'`);
    expect(script).toContain('"S": "Northshire\'s Council"');
  });

  it('refuses an id that is not a tenant UUID, or a slug with a separator', () => {
    expect(() => onboardingScript({ ...request, tenantId: 'northshire' })).toThrow(OnboardingError);
    expect(() => onboardingScript({ ...request, slug: 'north#shire' })).toThrow(OnboardingError);
  });
});

describe('attribute values', () => {
  it('writes strings, numbers, flags, lists and maps in DynamoDB’s JSON', () => {
    expect(toAttribute({ a: 'x', n: 2, b: true, l: ['y'] })).toEqual({ M: { a: { S: 'x' }, n: { N: '2' }, b: { BOOL: true }, l: { L: [{ S: 'y' }] } } });
  });
});
