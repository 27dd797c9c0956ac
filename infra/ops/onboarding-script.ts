/**
 * Writes the shell script that onboards a tenant in AWS: its Cognito admin account, then its
 * profile, settings, directory entries and admin user record, each written only if absent.
 * A script, not direct calls, so that the operator can read exactly what will be done and
 * run it with their own credentials; it needs only the AWS CLI.
 */
import { defaultSettings } from '@waypoint/shared/settings/settings-schemas';
import { builtInTemplateItems } from '@waypoint/shared/templates/built-in/built-in-template-items';
import { isSafeId, isTenantId, platformKeys, tenantKeys } from '@waypoint/shared/tenancy/keys';

export interface OnboardingRequest {
  tenantId: string;
  name: string;
  slug: string;
  adminName: string;
  adminEmail: string;
  tableName: string;
  userPoolId: string;
  region: string;
  /** ISO timestamp stamped on every item. */
  at: string;
}

type Attribute = { S: string } | { N: string } | { BOOL: boolean } | { L: Attribute[] } | { M: Record<string, Attribute> };

/** DynamoDB's attribute-value JSON, for the AWS CLI; `$ADMIN_SUB` is left for the shell to fill. */
export function toAttribute(value: unknown): Attribute {
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(toAttribute) };
  if (typeof value === 'object' && value !== null) {
    return { M: Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toAttribute(v)])) };
  }
  throw new Error(`Cannot write ${String(value)} as a DynamoDB attribute`);
}

function itemJson(item: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(item).map(([k, v]) => [k, toAttribute(v)])), null, 2);
}

/** Single-quoted for the shell: nothing inside is expanded. */
function quoted(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export class OnboardingError extends Error {}

function check(request: OnboardingRequest): void {
  if (!isTenantId(request.tenantId)) throw new OnboardingError('The tenant id must be a lower-case UUID');
  if (!isSafeId(request.slug) || !/^[a-z0-9-]+$/.test(request.slug)) throw new OnboardingError('The slug must be lower-case letters, digits and -');
  if (!/^[^@\s]+@[^@\s]+$/.test(request.adminEmail)) throw new OnboardingError('The admin email is not an email address');
  if (!request.name.trim() || !request.adminName.trim()) throw new OnboardingError('Name the authority and its admin');
}

export function onboardingScript(request: OnboardingRequest): string {
  check(request);
  const keys = tenantKeys(request.tenantId);
  const stamp = { version: 1, createdAt: request.at, updatedAt: request.at };
  const profile = { id: request.tenantId, slug: request.slug, name: request.name, status: 'active', createdAt: request.at };
  const email = request.adminEmail.toLowerCase();
  const items: [string, Record<string, unknown>][] = [
    ['profile', { ...keys.profile(), ...profile }],
    ['settings', { ...keys.settings(), ...defaultSettings(request.name), ...stamp }],
    ['directory', { ...platformKeys.tenant(request.tenantId), ...profile }],
    ['slug', { ...platformKeys.slug(request.slug), tenantId: request.tenantId }],
    ...builtInTemplateItems(request.tenantId, request.at).map((item, index): [string, Record<string, unknown>] => [`template-${index + 1}`, item]),
  ];
  // The user record's id is the Cognito `sub`, which access tokens carry as the caller's id.
  const adminRecord = { ...keys.user('ADMIN_SUB_PLACEHOLDER'), id: 'ADMIN_SUB_PLACEHOLDER', name: request.adminName, email, role: 'admin', teamIds: [], active: true, ...stamp };
  const aws = `aws --region ${quoted(request.region)}`;
  const put = (file: string) => `unless_exists ConditionalCheckFailed ${file} ${aws} dynamodb put-item --table-name ${quoted(request.tableName)} --item "file://$WORK/${file}.json" --condition-expression 'attribute_not_exists(PK)'`;

  return [
    '#!/bin/sh',
    `# Onboards ${request.name} (${request.slug}) as tenant ${request.tenantId}. Review, then run with credentials`,
    '# that may administer the user pool and write the table. Safe to re-run: nothing is overwritten.',
    'set -eu',
    'WORK=$(mktemp -d)',
    '',
    '# Runs a command; if it fails only because the thing exists already, says so and carries on.',
    'unless_exists() {',
    '  marker=$1; label=$2; shift 2',
    '  if ! output=$("$@" 2>&1); then',
    '    case "$output" in',
    '      *"$marker"*) echo "$label: exists already; kept." ;;',
    '      *) echo "$output" >&2; exit 1 ;;',
    '    esac',
    '  fi',
    '}',
    '',
    '# 1. The tenant admin’s sign-in account; Cognito emails a temporary password.',
    `unless_exists UsernameExists account ${aws} cognito-idp admin-create-user --user-pool-id ${quoted(request.userPoolId)} --username ${quoted(email)} \\`,
    `  --user-attributes Name=email,Value=${quoted(email)} Name=email_verified,Value=true Name=custom:tenant_id,Value=${request.tenantId} Name=custom:role,Value=admin \\`,
    '  --desired-delivery-mediums EMAIL',
    `ADMIN_SUB=$(${aws} cognito-idp admin-get-user --user-pool-id ${quoted(request.userPoolId)} --username ${quoted(email)} --query "UserAttributes[?Name=='sub'].Value" --output text)`,
    '',
    '# 2. The tenant’s items: profile, settings and built-in audit templates in its partition, the directory entries, the admin’s record.',
    ...items.flatMap(([file, item]) => [`cat > "$WORK/${file}.json" <<'ITEM'`, itemJson(item), 'ITEM']),
    `sed "s/ADMIN_SUB_PLACEHOLDER/$ADMIN_SUB/g" > "$WORK/admin.json" <<'ITEM'`,
    itemJson(adminRecord),
    'ITEM',
    ...[...items.map(([file]) => file), 'admin'].map(put),
    'rm -r "$WORK"',
    `echo ${quoted(`Done. ${request.adminName} can sign in with ${email} and the emailed temporary password.`)}`,
    '',
  ].join('\n');
}
