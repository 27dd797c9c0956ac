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

export interface NavItem {
  href: string;
  label: string;
}

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

export function staffNavigation(role: Role, options: { devOutbox: boolean }): NavItem[] {
  if (!isStaffRole(role)) {
    return [
      { href: OPERATOR_AREA, label: 'Authorities' },
      { href: `${OPERATOR_AREA}/activity`, label: 'Activity log' },
    ];
  }
  const items: NavItem[] = [{ href: '/', label: 'Home' }];
  if (canSeeCases(role)) items.push({ href: '/cases', label: 'Cases' });
  if (canReadAudits(role)) items.push({ href: '/audits', label: 'Audits' });
  if (canReadActions(role)) items.push({ href: '/actions', label: 'Actions' });
  if (hasOwnLearning(role)) items.push({ href: '/practitioners', label: 'Learning' });
  if (canReadServiceDashboard(role)) items.push({ href: '/dashboard', label: 'Dashboard' });
  if (canReadProgramme(role)) items.push({ href: '/programme', label: 'Programme' });
  if (canModerate(role) || canReadAgreement(role)) items.push({ href: '/moderation', label: 'Moderation' });
  if (canUseShadowing(role)) items.push({ href: '/shadowing', label: 'Shadowing' });
  if (canEditTemplates(role)) items.push({ href: '/templates', label: 'Templates' });
  if (canReadEngagement(role)) items.push({ href: '/engagement', label: 'Engagement' });
  if (canHandleAlerts(role)) items.push({ href: '/alerts', label: 'Alerts' });
  if (role === 'admin') items.push({ href: '/users', label: 'Users' }, { href: '/teams', label: 'Teams' });
  if (canReadActivity(role)) items.push({ href: '/activity', label: 'Activity log' });
  items.push({ href: '/settings', label: 'Settings' });
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
  if (!covers(item.href, pathname)) return false;
  return !items.some((other) => other.href.length > item.href.length && covers(other.href, pathname));
}
