/** Who can own an action in a team: its active staff, tenant admins aside (they hold no work). */
import type { Api } from '../server/api.ts';

/** Enough pages for any one team's members. */
const MAX_USER_PAGES = 10;

export async function teamStaff(api: Api, teamId: string): Promise<{ value: string; label: string }[]> {
  const staff: { value: string; label: string }[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_USER_PAGES; i++) {
    const page = await api.users({ team: teamId, limit: 100, cursor });
    staff.push(...page.items.filter((u) => u.active && u.role !== 'admin').map((u) => ({ value: u.id, label: u.name })));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return staff.sort((a, b) => a.label.localeCompare(b.label));
}
