/** `npm start`: Waypoint with demo data on this machine, until Ctrl-C. */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEMO_TENANTS, OPERATOR } from './seed/demo-data.ts';
import { STAFF_ROLES } from '@waypoint/shared/tenancy/roles';
import { COUNCIL_GROUPS, COUNCIL_PEOPLE } from './council-identity/council-directory.ts';
import { DEMO_PASSWORD } from './identity/demo-password.ts';
import { DEMO_TOTP_SECRET } from './identity/one-time-codes.ts';
import { DEFAULT_PORTAL_PORT } from './local-portal-url.ts';
import { startLocalStack } from './local-stack.ts';

const dataPath = fileURLToPath(new URL('../../../.data/dynalite', import.meta.url));
mkdirSync(dataPath, { recursive: true });
const objectsPath = fileURLToPath(new URL('../../../.data/objects', import.meta.url));
mkdirSync(objectsPath, { recursive: true });
const port = (name: string, fallback: number) => Number(process.env[name] || fallback);

const started = performance.now();
const stack = await startLocalStack({
  dataPath,
  objectsPath,
  ports: { objects: port('S3_PORT', 3300), identity: port('OIDC_PORT', 3100), api: port('API_PORT', 3000), portal: port('PORTAL_PORT', DEFAULT_PORTAL_PORT), council: port('COUNCIL_OIDC_PORT', 3200) },
  portal: true,
  jobIntervalMs: 15 * 60 * 1000,
});

console.log(`
Waypoint is running (ready in ${Math.round(performance.now() - started)} ms)
  portal    ${stack.portalUrl}
  API       ${stack.apiUrl}/v1   (reference: ${stack.apiUrl}/v1/reference)
  sign-in   ${stack.issuer}
  data      ${dataPath}
  files     ${stack.objectsEndpoint}   (S3-compatible; files in ${objectsPath})

Demo sign-ins (password: ${process.env.WAYPOINT_DEMO_PASSWORD || DEMO_PASSWORD}; then a code from an authenticator app set up with the key ${DEMO_TOTP_SECRET})
${DEMO_TENANTS.map((t) => `  ${t.name}: ${STAFF_ROLES.map((r) => `${r}@${t.slug}.example`).join(', ')}`).join('\n')}
  platform operator: ${OPERATOR.email}

Northvale Council's own sign-in (a stand-in for its Entra ID), to connect under Settings → Sign-in:
  issuer ${stack.council.issuer}   client id ${stack.council.clientId}   client secret ${stack.council.clientSecret}
  people (same password): ${COUNCIL_PEOPLE.map((p) => p.email).join(', ')}
  groups: ${Object.values(COUNCIL_GROUPS)
    .map((g) => `${g.name} ${g.id}`)
    .join('; ')}

Press Ctrl-C to stop.`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping Waypoint…');
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
