/**
 * Writes the shell script that onboards a tenant in AWS: its Cognito admin account, then the
 * items every new authority is made of (`new-tenant-items.ts`, which the API's operator routes
 * write too), each only if absent. A script, not direct calls, so that someone without the
 * portal can read exactly what will be done and run it with their own credentials; it needs
 * only the AWS CLI. The portal's operator area (`/v1/platform/tenants`) is the usual way.
 */
import { isSafeId, isTenantId, tenantKeys } from '@waypoint/shared/tenancy/keys';
import { directoryItem, firstAdminUser, slugClaimItem, tenantOwnItems } from '@waypoint/shared/tenancy/new-tenant-items';

export interface OnboardingRequest {
  tenantId: string;
  name: string;
  slug: string;
  /** The authority's region, as the operator's list shows it (not the AWS region). */
  regionLabel: string;
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
  if (!request.name.trim() || !request.adminName.trim() || !request.regionLabel.trim()) throw new OnboardingError('Name the authority, its region and its admin');
}

export function onboardingScript(request: OnboardingRequest): string {
  check(request);
  const keys = tenantKeys(request.tenantId);
  const tenant = { tenantId: request.tenantId, name: request.name, slug: request.slug, region: request.regionLabel, at: request.at };
  const email = request.adminEmail.toLowerCase();
  const [profile, settings, ...templates] = tenantOwnItems(tenant);
  const items: [string, Record<string, unknown>][] = [
    ['slug', slugClaimItem({ ...tenant, adminEmail: email })],
    ['profile', profile!],
    ['settings', settings!],
    ...templates.map((item, index): [string, Record<string, unknown>] => [`template-${index + 1}`, item]),
  ];
  // The user record's id is the Cognito `sub`, which access tokens carry as the caller's id.
  const adminRecord = { ...keys.user('ADMIN_SUB_PLACEHOLDER'), ...firstAdminUser({ userId: 'ADMIN_SUB_PLACEHOLDER', name: request.adminName, email, at: request.at }) };
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
    '# 2. The tenant’s items: the slug claim, profile, settings and built-in templates, the admin’s record,',
    '#    and last the directory entry, which lists the authority and opens it.',
    ...items.flatMap(([file, item]) => [`cat > "$WORK/${file}.json" <<'ITEM'`, itemJson(item), 'ITEM']),
    `sed "s/ADMIN_SUB_PLACEHOLDER/$ADMIN_SUB/g" > "$WORK/admin.json" <<'ITEM'`,
    itemJson(adminRecord),
    'ITEM',
    `cat > "$WORK/directory.json" <<'ITEM'`,
    itemJson(directoryItem(tenant)),
    'ITEM',
    ...[...items.map(([file]) => file), 'admin', 'directory'].map(put),
    'rm -r "$WORK"',
    `echo ${quoted(`Done. ${request.adminName} can sign in with ${email} and the emailed temporary password.`)}`,
    '',
  ].join('\n');
}
