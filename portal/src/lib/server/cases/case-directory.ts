/** Names for the ids a case carries (team, holder), read once per request and tolerant of limited access. */
import type { Api } from '../api.ts';
import { ApiError } from '../errors.ts';

export interface Directory {
  teams: { id: string; name: string }[];
  /** Staff the caller may see; empty when the role may not list users. */
  people: { id: string; name: string; role: string }[];
}

/** Enough for a demo authority and most teams; beyond that names fall back to "not shown". */
const MAX_USER_PAGES = 5;

async function allowed<T>(read: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return fallback;
    throw e;
  }
}

export async function readDirectory(api: Api, options: { people: boolean }): Promise<Directory> {
  const teamsPromise = api.teams().then((r) => r.items.map((t) => ({ id: t.id, name: t.name })));
  const peoplePromise = options.people
    ? allowed(async () => {
        const people: Directory['people'] = [];
        let cursor: string | undefined;
        for (let i = 0; i < MAX_USER_PAGES; i++) {
          const page = await api.users({ limit: 100, cursor }, [403]);
          people.push(...page.items.map((u) => ({ id: u.id, name: u.name, role: u.role })));
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
        return people;
      }, [])
    : Promise.resolve([]);
  const [teams, people] = await Promise.all([teamsPromise, peoplePromise]);
  return { teams: teams.sort((a, b) => a.name.localeCompare(b.name)), people: people.sort((a, b) => a.name.localeCompare(b.name)) };
}
