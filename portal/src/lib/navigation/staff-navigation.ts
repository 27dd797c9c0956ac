/** Which staff pages each role may use, so the navigation only offers what will work. */
import { ACTIVITY_READERS, caseScopeOf, isStaffRole, type Role } from '@waypoint/shared/tenancy/roles';
import { canReadActions } from '../actions/action-permissions.ts';
import { canReadAudits } from '../audits/audit-permissions.ts';
import { canReadServiceDashboard } from '../dashboard/dashboard-permissions.ts';
import { hasOwnLearning } from '../practitioners/learning-permissions.ts';
import { canHandleAlerts, canReadEngagement } from '../engagement/engagement-permissions.ts';
import { canEditTemplates } from '../templates/template-permissions.ts';
import { canReadAgreement, canModerate } from '../moderation/moderation-permissions.ts';
import { canReadProgramme } from '../programme/programme-permissions.ts';
import { canUseShadowing } from '../shadowing/shadowing-permissions.ts';
import { canUseCompliance } from '../compliance/compliance-permissions.ts';
import { canReadReviews } from '../reviews/review-permissions.ts';
import { canImport } from '@waypoint/shared/imports/import-roles';
import { canExportForSubjectAccess } from '@waypoint/shared/subject-access/subject-access-schemas';
import { canReadTeamPages } from '../team/team-permissions.ts';

export interface NavItem {
  href: string;
  label: string;
  /** Sections the item also stands for, so it reads as current on their pages too. */
  covers?: readonly string[];
}

/** One of the quality assurance framework's processes, listed on /quality and above each of its pages. */
export interface QualityArea extends NavItem {
  description: string;
}

export const QUALITY_ASSURANCE = '/quality';

export function canSeeCases(role: Role): boolean {
  return isStaffRole(role) && caseScopeOf(role) !== 'none';
}

export function canReadActivity(role: Role): boolean {
  return isStaffRole(role) && ACTIVITY_READERS.includes(role);
}

/** The platform operator's own area: authorities and what operators did, never an authority's records. */
export const OPERATOR_AREA = '/operator';

export function isOperatorArea(pathname: string): boolean {
  return pathname === OPERATOR_AREA || pathname.startsWith(`${OPERATOR_AREA}/`);
}

/**
 * The framework's processes beside the audits themselves share one menu item, "Quality assurance",
 * so that a QA officer's menu fits on one line at 1280px and each process keeps a page of its own.
 */
export function qualityAssuranceAreas(role: Role): QualityArea[] {
  const areas: QualityArea[] = [];
  if (canReadProgramme(role)) areas.push({ href: '/programme', label: 'Monthly programme', description: 'Each month’s sample of cases to audit, audits that are late and cases due a re-audit.' });
  if (canModerate(role) || canReadAgreement(role)) areas.push({ href: '/moderation', label: 'Moderation', description: 'A second look at completed audits, and how far auditors and moderators agree on grades.' });
  if (canReadReviews(role))
    areas.push({ href: '/reviews', label: 'Thematic reviews', description: 'One question about practice asked across a group of cases: reviewers look at each case, then the findings and recommendations are signed off and published to staff.' });
  if (canUseCompliance(role)) areas.push({ href: '/compliance', label: 'Records compliance', description: 'Each month a few cases from every team checked against a short checklist of what a record should hold, and a report of how compliant records are.' });
  if (isStaffRole(role) && canImport(role, 'cases')) areas.push({ href: '/imports', label: 'Imports', description: 'Cases, staff and the child’s journey brought in from the case-management system’s own export, checked row by row before anything changes.' });
  if (canUseShadowing(role)) areas.push({ href: '/shadowing', label: 'Work shadowing', description: 'A manager joins a practitioner’s visit, meeting or duty shift, with their agreement and the family’s consent, and each gives the other feedback.' });
  if (canExportForSubjectAccess(role)) areas.push({ href: '/records', label: 'Records and retention', description: 'Exports for subject access requests: everything held about a case, or about a member of staff.' });
  return areas;
}

export function staffNavigation(role: Role, options: { devOutbox: boolean }): NavItem[] {
  if (!isStaffRole(role)) {
    return [
      { href: OPERATOR_AREA, label: 'Authorities' },
      { href: `${OPERATOR_AREA}/activity`, label: 'Activity log' },
    ];
  }
  // Home is the service name in the header, and Settings sits beside "Sign out".
  const items: NavItem[] = [];
  if (canSeeCases(role)) items.push({ href: '/cases', label: 'Cases' });
  if (canReadAudits(role)) items.push({ href: '/audits', label: 'Audits' });
  if (canReadActions(role)) items.push({ href: '/actions', label: 'Actions' });
  if (hasOwnLearning(role)) items.push({ href: '/practitioners', label: 'Learning' });
  if (canReadServiceDashboard(role)) items.push({ href: '/dashboard', label: 'Dashboard', covers: ['/team'] });
  // A team manager's own view of their team; QA officers and senior managers reach every team's from the dashboard.
  else if (canReadTeamPages(role)) items.push({ href: '/team', label: 'Team' });
  const areas = qualityAssuranceAreas(role);
  if (areas.length > 0) items.push({ href: QUALITY_ASSURANCE, label: 'Quality assurance', covers: areas.map((area) => area.href) });
  if (canEditTemplates(role)) items.push({ href: '/templates', label: 'Templates' });
  if (canReadEngagement(role)) items.push({ href: '/engagement', label: 'Engagement' });
  if (canHandleAlerts(role)) items.push({ href: '/alerts', label: 'Alerts' });
  if (role === 'admin') items.push({ href: '/users', label: 'Users' }, { href: '/teams', label: 'Teams' }, { href: '/imports', label: 'Imports' });
  if (canReadActivity(role)) items.push({ href: '/activity', label: 'Activity log' });
  // The developer outbox is a tool for whoever runs Waypoint on one machine, not a staff page.
  if (options.devOutbox && role === 'admin') items.push({ href: '/dev/outbox', label: 'Outbox' });
  return items;
}

const covers = (href: string, pathname: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));

/**
 * A nav item is current on its own page and, except Home, on the pages beneath it, unless
 * another item is nearer (the operator's activity log lies beneath their authorities).
 */
export function isCurrent(item: NavItem, pathname: string, items: readonly NavItem[] = []): boolean {
  if (!covers(item.href, pathname) && !item.covers?.some((href) => covers(href, pathname))) return false;
  return !items.some((other) => other.href.length > item.href.length && covers(other.href, pathname));
}
