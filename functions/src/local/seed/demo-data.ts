/**
 * Demo data for one machine: two authorities with teams, staff and sixty cases each.
 * Every id is fixed, so seeding twice writes the same items and tests can name them.
 */
import type { Case, CaseType } from '@waypoint/shared/cases/case-schemas';
import type { CaseDemographics } from '@waypoint/shared/demographics/demographics';
import type { StaffRole } from '@waypoint/shared/tenancy/roles';

export interface DemoTenant {
  id: string;
  slug: string;
  name: string;
  /** The region the operator's list shows. */
  region: string;
  /** Prefix of case references and user ids, e.g. `NV`. */
  prefix: string;
}

export const DEMO_TENANTS: readonly DemoTenant[] = [
  { id: '7f3c1a52-6d1e-4b8a-9c2f-4e6f72746801', slug: 'northvale', name: 'Northvale Council', region: 'North East', prefix: 'NV' },
  { id: '2b9e4d17-8a3f-4c6b-b1d0-736f75746802', slug: 'southmoor', name: 'Southmoor Borough Council', region: 'South West', prefix: 'SM' },
];

export const OPERATOR = { email: 'operator@waypoint.example', userId: 'platform-operator', name: 'Platform Operator' };

interface DemoTeam {
  id: string;
  name: string;
  caseTypes: CaseType[];
}

export const DEMO_TEAMS: readonly DemoTeam[] = [
  { id: 'child-in-need', name: 'Child in Need', caseTypes: ['child-in-need'] },
  { id: 'assessment', name: 'Assessment', caseTypes: ['child-in-need', 'child-protection'] },
  { id: 'child-protection', name: 'Child Protection', caseTypes: ['child-protection'] },
  { id: 'children-looked-after', name: 'Children Looked After', caseTypes: ['child-looked-after', 'care-leaver'] },
  { id: 'early-help', name: 'Early Help', caseTypes: ['early-help'] },
];

/** The team that `manager@`, `practitioner@` and `student@` work in. */
export const HOME_TEAM = 'child-in-need';

const SIGN_IN_NAMES: Record<StaffRole, string> = {
  student: 'Sam Okafor',
  practitioner: 'Priya Shah',
  manager: 'Morgan Ellis',
  qa: 'Quinn Adeyemi',
  senior: 'Sarah Lindqvist',
  admin: 'Alex Morgan',
};

const HOLDER_NAMES = ['Jordan Hughes', 'Aisha Khan', 'Tom Bennett', 'Grace Owusu', 'Dylan Price', 'Fatima Noor', 'Ewan Davies', 'Chloe Martin'];

/** Managers of the other teams, on record without a sign-in, so the programme has a manager for every team. */
const OTHER_MANAGERS = [
  { name: 'Rachel Ibe', teamIds: ['assessment', 'child-protection'] },
  { name: 'Ben Castell', teamIds: ['children-looked-after', 'early-help'] },
];

export interface DemoUser {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  teamIds: string[];
  /** Only the one-per-role demo users have a sign-in. */
  canSignIn: boolean;
}

export function demoUsers(tenant: DemoTenant): DemoUser[] {
  const p = tenant.prefix.toLowerCase();
  const signIns = (Object.keys(SIGN_IN_NAMES) as StaffRole[]).map((role) => ({
    id: `${p}-${role}`,
    name: SIGN_IN_NAMES[role],
    email: `${role}@${tenant.slug}.example`,
    role,
    teamIds: ['student', 'practitioner', 'manager'].includes(role) ? [HOME_TEAM] : [],
    canSignIn: true,
  }));
  // Case holders on record who cannot sign in, spread over the teams.
  const holders = HOLDER_NAMES.map((name, index) => ({
    id: `${p}-sw-${String(index + 1).padStart(2, '0')}`,
    name,
    email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@${tenant.slug}.example`,
    role: 'practitioner' as const,
    teamIds: [DEMO_TEAMS[index % DEMO_TEAMS.length]!.id],
    canSignIn: false,
  }));
  const managers = OTHER_MANAGERS.map((m, index) => ({
    id: `${p}-tm-${String(index + 1).padStart(2, '0')}`,
    name: m.name,
    email: `${m.name.toLowerCase().replace(/[^a-z]+/g, '.')}@${tenant.slug}.example`,
    role: 'manager' as const,
    teamIds: m.teamIds,
    canSignIn: false,
  }));
  return [...signIns, ...holders, ...managers];
}

const AGE_BANDS = ['0-4', '5-9', '10-15', '16-17'] as const;
export const DEMO_CASES_PER_TENANT = 60;

const ETHNICITIES = ['white', 'white', 'asian', 'white', 'black', 'white', 'mixed', 'asian', 'white', 'other'] as const;

/**
 * Most cases record gender, ethnicity and disability; every ninth records none, and only a
 * few children are recorded as "other" gender, so the service view's breakdowns show both
 * figures and "fewer than 5".
 */
export function demoDemographics(n: number): Omit<CaseDemographics, 'ageBand'> {
  if (n % 9 === 0) return {};
  return { gender: n % 17 === 0 ? 'other' : n % 2 === 0 ? 'female' : 'male', ethnicity: ETHNICITIES[n % ETHNICITIES.length], disability: n % 6 === 0 ? 'yes' : 'no' };
}

/**
 * Cases 1-12 sit in the home team (1-6 held by `practitioner@`, 1-3 with `student@`);
 * 13-40 are spread over the other teams and their case holders; 41-60 are the home team's
 * too, not yet audited, so its manager has cases left to sample.
 */
export function demoCases(tenant: DemoTenant, at: string): Case[] {
  const p = tenant.prefix.toLowerCase();
  const users = demoUsers(tenant);
  const cases: Case[] = [];
  for (let n = 1; n <= DEMO_CASES_PER_TENANT; n++) {
    const team = n <= 12 || n > 40 ? DEMO_TEAMS[0]! : DEMO_TEAMS[1 + ((n - 13) % (DEMO_TEAMS.length - 1))]!;
    const teamHolders = users.filter((u) => !u.canSignIn && u.teamIds.includes(team.id));
    const holderId = n <= 6 ? `${p}-practitioner` : (teamHolders[n % Math.max(teamHolders.length, 1)]?.id ?? `${p}-practitioner`);
    const caseType = team.caseTypes[n % team.caseTypes.length]!;
    cases.push({
      ref: `${tenant.prefix}-${String(n).padStart(5, '0')}`,
      teamId: team.id,
      caseType,
      ageBand: caseType === 'care-leaver' ? '18-25' : AGE_BANDS[n % AGE_BANDS.length],
      ...demoDemographics(n),
      holderId,
      studentId: n <= 3 ? `${p}-student` : null,
      status: n % 13 === 0 ? 'closed' : 'open',
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
  }
  return cases;
}
