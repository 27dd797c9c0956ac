/**
 * A small model of IAM's evaluation for the operators our data policies use (Allow, action
 * and resource globs, `${aws:PrincipalTag/...}` variables, ForAllValues:StringLike, Null),
 * so tests can ask "would this request be allowed?" instead of only comparing JSON.
 */
import type { PolicyDocumentJson, PolicyStatementJson } from '../data/tenant-data-policy.ts';

export interface SimulatedRequest {
  action: string;
  resource: string;
  principalTags: Record<string, string>;
  /** `dynamodb:LeadingKeys`: the partition key values the request touches; absent for Scan. */
  leadingKeys?: string[];
}

/** IAM glob: `*` is any run of characters, `?` exactly one; everything else is literal. */
export function globMatches(pattern: string, value: string): boolean {
  const source = pattern
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 's').test(value);
}

/** Substitutes principal tags; an unknown tag makes the pattern unusable (it matches nothing). */
function substitute(pattern: string, tags: Record<string, string>): string | undefined {
  let unresolved = false;
  const value = pattern.replace(/\$\{aws:PrincipalTag\/([^}]+)\}/g, (_, key: string) => {
    const tag = tags[key];
    if (tag === undefined) unresolved = true;
    return tag ?? '';
  });
  return unresolved ? undefined : value;
}

function list(value: string | string[]): string[] {
  return Array.isArray(value) ? value : [value];
}

function conditionHolds(operator: string, key: string, expected: string | string[], request: SimulatedRequest): boolean {
  if (key !== 'dynamodb:LeadingKeys') throw new Error(`The simulator does not model ${key}`);
  const actual = request.leadingKeys ?? [];
  switch (operator) {
    case 'ForAllValues:StringLike': {
      const patterns = list(expected)
        .map((pattern) => substitute(pattern, request.principalTags))
        .filter((pattern): pattern is string => pattern !== undefined);
      return actual.every((value) => patterns.some((pattern) => globMatches(pattern, value)));
    }
    case 'Null': {
      const mustBeAbsent = list(expected)[0] === 'true';
      return mustBeAbsent === (actual.length === 0);
    }
    default:
      throw new Error(`The simulator does not model ${operator}`);
  }
}

function statementAllows(statement: PolicyStatementJson, request: SimulatedRequest): boolean {
  if (!statement.Action.some((action) => globMatches(action, request.action))) return false;
  if (!statement.Resource.some((resource) => globMatches(resource, request.resource))) return false;
  return Object.entries(statement.Condition ?? {}).every(([operator, keys]) => Object.entries(keys).every(([key, expected]) => conditionHolds(operator, key, expected, request)));
}

/** True when some Allow statement grants the request and no Deny statement matches it. */
export function isAllowed(policy: PolicyDocumentJson, request: SimulatedRequest): boolean {
  const denied = policy.Statement.some((s) => s.Effect === 'Deny' && statementAllows(s, request));
  return !denied && policy.Statement.some((s) => s.Effect === 'Allow' && statementAllows(s, request));
}
