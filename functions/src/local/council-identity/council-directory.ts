/**
 * Who the stand-in for Northvale Council's own Entra ID knows: a few of the council's staff, in
 * groups named by object ids as Entra names them, which Waypoint’s groups claim carries. Two
 * people are in no group that Northvale maps, so their first sign-in waits for approval.
 */

/** The council's email domain (Northvale's password accounts use northvale.example). */
export const COUNCIL_DOMAIN = 'staff.northvale.example';

export const COUNCIL_GROUPS = {
  teamManagers: { id: '5f1c2a4e-8b7d-4c3e-9a21-6d0f3b8e7c11', name: 'CSC Team Managers' },
  practitioners: { id: 'a3e9d2b0-1c4f-4e8a-b6d7-92f0c5e1a834', name: 'CSC Social Workers' },
  allStaff: { id: 'c7b41e96-3d2a-4f05-8e1b-0a9d6c2f4e57', name: 'All Staff' },
} as const;

export interface CouncilPerson {
  /** Entra's object id for the person: the subject of their tokens. */
  subject: string;
  email: string;
  name: string;
  groups: string[];
}

export const COUNCIL_PEOPLE: readonly CouncilPerson[] = [
  {
    subject: '0b6f7c1e-4d2a-4a8e-9c3b-1e5d7f9a2c40',
    email: `ada.nwosu@${COUNCIL_DOMAIN}`,
    name: 'Ada Nwosu',
    groups: [COUNCIL_GROUPS.teamManagers.id, COUNCIL_GROUPS.allStaff.id],
  },
  {
    subject: '7e2d9a4b-1f3c-4b6e-8a5d-2c9f0e1b3d71',
    email: `jo.pryce@${COUNCIL_DOMAIN}`,
    name: 'Jo Pryce',
    groups: [COUNCIL_GROUPS.practitioners.id, COUNCIL_GROUPS.allStaff.id],
  },
  {
    subject: '3c8a1f5e-9b2d-4e7a-a6c4-5d1e8f0b2a93',
    email: `lee.marsh@${COUNCIL_DOMAIN}`,
    name: 'Lee Marsh',
    groups: [COUNCIL_GROUPS.allStaff.id],
  },
  // A second of each, so a suite can sign in someone the first has not already made a user elsewhere.
  {
    subject: '9a4e2c71-5b8d-4f3a-b2e6-7c1d0f9e8a52',
    email: `sam.okafor@${COUNCIL_DOMAIN}`,
    name: 'Sam Okafor',
    groups: [COUNCIL_GROUPS.teamManagers.id, COUNCIL_GROUPS.allStaff.id],
  },
  {
    subject: '2d7b5f03-8e1a-4c9d-a4f2-6b3e9c0d1f84',
    email: `rhian.price@${COUNCIL_DOMAIN}`,
    name: 'Rhian Price',
    groups: [COUNCIL_GROUPS.practitioners.id, COUNCIL_GROUPS.allStaff.id],
  },
  {
    subject: '6f1a8d2e-3c7b-4e5a-9d0f-1b4c7e2a5d96',
    email: `tom.baird@${COUNCIL_DOMAIN}`,
    name: 'Tom Baird',
    groups: [COUNCIL_GROUPS.allStaff.id],
  },
];

export function findCouncilPerson(by: { email?: string; subject?: string }): CouncilPerson | undefined {
  const email = by.email?.trim().toLowerCase();
  return COUNCIL_PEOPLE.find((p) => (email !== undefined && p.email === email) || (by.subject !== undefined && p.subject === by.subject));
}
