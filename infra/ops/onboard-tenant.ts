/**
 * Prints the onboarding script for a new tenant (see onboarding-script.ts):
 *   npx tsx infra/ops/onboard-tenant.ts --name "Northshire Council" --slug northshire --region-label "North West" \
 *     --admin-name "Sam Admin" --admin-email sam@northshire.gov.uk \
 *     --table <TableName output> --user-pool <UserPoolId output> > onboard-northshire.sh
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { onboardingScript } from './onboarding-script.ts';

const { values } = parseArgs({
  options: {
    name: { type: 'string' },
    slug: { type: 'string' },
    'region-label': { type: 'string' },
    'admin-name': { type: 'string' },
    'admin-email': { type: 'string' },
    table: { type: 'string' },
    'user-pool': { type: 'string' },
    region: { type: 'string', default: 'eu-west-2' },
    'tenant-id': { type: 'string' },
  },
});

const required = ['name', 'slug', 'region-label', 'admin-name', 'admin-email', 'table', 'user-pool'] as const;
const missing = required.filter((key) => !values[key]);
if (missing.length > 0) {
  process.stderr.write(`Missing: ${missing.map((key) => `--${key}`).join(' ')}\n`);
  process.exit(2);
}

process.stdout.write(
  onboardingScript({
    tenantId: values['tenant-id'] ?? randomUUID(),
    name: values.name!,
    slug: values.slug!,
    regionLabel: values['region-label']!,
    adminName: values['admin-name']!,
    adminEmail: values['admin-email']!,
    tableName: values.table!,
    userPoolId: values['user-pool']!,
    region: values.region!,
    at: new Date().toISOString(),
  }),
);
