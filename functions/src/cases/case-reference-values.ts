/**
 * How one stored item reads after its case's reference changes from `from` to `to`: every value
 * that is the reference (a case's `ref`, an audit's `caseRef`, a sample's candidate) and every id
 * built from it (a records compliance check's `<month>.<ref>`, an export's `case.<ref>`) takes
 * the new one, and so does every key segment that is the reference (`…#CASE#<ref>#AUDITS`).
 * Free text that happens to mention the reference is left as written.
 */

const KEY_ATTRIBUTE = /^(PK|SK|GSI\dPK|GSI\dSK)$/;

function renamedId(value: string, from: string, to: string): string {
  if (value === from) return to;
  if (value === `case.${from}`) return `case.${to}`;
  const check = /^(\d{4}-\d{2})\.(.+)$/.exec(value);
  if (check && check[2] === from) return `${check[1]}.${to}`;
  return value;
}

function renamedKey(value: string, from: string, to: string): string {
  return value
    .split('#')
    .map((segment) => renamedId(segment, from, to))
    .join('#');
}

function renamed(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return renamedId(value, from, to);
  if (Array.isArray(value)) return value.map((v) => renamed(v, from, to));
  if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Set)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, from, to)]));
  }
  return value;
}

/** The item as it reads under the new reference; the same object's values when nothing names the old one. */
export function itemUnderNewRef(item: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) {
    out[name] = KEY_ATTRIBUTE.test(name) && typeof value === 'string' ? renamedKey(value, from, to) : renamed(value, from, to);
  }
  return out;
}

/** Whether anything in the item names the old reference (so it must be rewritten). */
export function namesRef(item: Record<string, unknown>, from: string, to: string): boolean {
  return JSON.stringify(itemUnderNewRef(item, from, to)) !== JSON.stringify(item);
}
