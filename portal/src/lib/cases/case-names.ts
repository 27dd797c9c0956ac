/** Looks up display names for a case's team and holder, with honest fallbacks when the caller may not see them. */

export interface NamedThing {
  id: string;
  name: string;
}

export function teamNamer(teams: readonly NamedThing[]): (id: string) => string {
  const names = new Map(teams.map((t) => [t.id, t.name]));
  return (id) => names.get(id) ?? 'Another team';
}

export function holderNamer(people: readonly NamedThing[], me: NamedThing): (id: string | undefined) => string {
  const names = new Map(people.map((p) => [p.id, p.name]));
  return (id) => {
    if (!id) return 'Not allocated';
    if (id === me.id) return `${me.name} (you)`;
    return names.get(id) ?? 'Not shown';
  };
}
