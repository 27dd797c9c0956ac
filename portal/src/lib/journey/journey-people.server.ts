/** Names of the staff who recorded journey events: the journey answers with ids only, so each is looked up once. */
import type { Api } from '../server/api.ts';
import { ApiError } from '../server/errors.ts';

export async function recorderNames(api: Api, ids: readonly string[]): Promise<Record<string, string>> {
  const unique = [...new Set(ids)];
  const named = await Promise.all(
    unique.map(async (id) => {
      try {
        return [id, (await api.user(id, [403, 404])).name] as const;
      } catch (e) {
        // Someone the caller may not look up (or who has left) is shown as "Not shown".
        if (e instanceof ApiError) return undefined;
        throw e;
      }
    }),
  );
  return Object.fromEntries(named.filter((n) => n !== undefined));
}
