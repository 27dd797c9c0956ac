/**
 * A small model of IAM's evaluation for the operators our data policies use (Allow, action
 * and resource globs, `${aws:PrincipalTag/...}` variables, ForAllValues:StringLike, Null),
 * so tests can ask "would this request be allowed?" instead of only comparing JSON.
 */
import type { BucketPolicyStatementJson } from '../data/object-bucket-policy.ts';
import type { PolicyStatementJson } from '../data/tenant-data-policy.ts';

/** An identity policy's statements, or a bucket policy's (which may use NotResource). */
type SimulatedStatement = PolicyStatementJson | BucketPolicyStatementJson;
export interface SimulatedPolicy {
  Statement: SimulatedStatement[];
}

export interface SimulatedRequest {
  action: string;
  resource: string;
  principalTags: Record<string, string>;
  /** `dynamodb:LeadingKeys`: the partition key values the request touches; absent for Scan. */
  leadingKeys?: string[];
  /** Other single-valued condition keys of the request, such as `s3:prefix`. */
  context?: Record<string, string>;
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

/** A single-valued key: a principal tag, or one of the request's context keys. */
function singleValue(key: string, request: SimulatedRequest): string | undefined {
  const tag = /^aws:PrincipalTag\/(.+)$/.exec(key);
  return tag ? request.principalTags[tag[1]!] : request.context?.[key];
}

function likeAny(expected: string | string[], value: string, request: SimulatedRequest): boolean {
  return list(expected)
    .map((pattern) => substitute(pattern, request.principalTags))
    .some((pattern) => pattern !== undefined && globMatches(pattern, value));
}

function conditionHolds(operator: string, key: string, expected: string | string[], request: SimulatedRequest): boolean {
  if (key === 'dynamodb:LeadingKeys') {
    const actual = request.leadingKeys ?? [];
    switch (operator) {
      case 'ForAllValues:StringLike':
        return actual.every((value) => likeAny(expected, value, request));
      case 'Null': {
        const mustBeAbsent = list(expected)[0] === 'true';
        return mustBeAbsent === (actual.length === 0);
      }
      default:
        throw new Error(`The simulator does not model ${operator} on ${key}`);
    }
  }
  const value = singleValue(key, request);
  switch (operator) {
    case 'Null':
      return (list(expected)[0] === 'true') === (value === undefined);
    case 'StringLike':
      return value !== undefined && likeAny(expected, value, request);
    // Like IAM: a negated operator holds when the key is absent.
    case 'StringNotLike':
      return value === undefined || !likeAny(expected, value, request);
    case 'StringEquals':
      return value !== undefined && list(expected).includes(value);
    default:
      throw new Error(`The simulator does not model ${operator}`);
  }
}

/** Resource globs after substituting principal tags; an unresolvable one matches nothing. */
function resourceMatches(patterns: string[], request: SimulatedRequest): boolean {
  return patterns.some((pattern) => {
    const resolved = substitute(pattern, request.principalTags);
    return resolved !== undefined && globMatches(resolved, request.resource);
  });
}

function statementAllows(statement: SimulatedStatement, request: SimulatedRequest): boolean {
  if (!statement.Action.some((action) => globMatches(action, request.action))) return false;
  if (statement.Resource && !resourceMatches(statement.Resource, request)) return false;
  if ('NotResource' in statement && statement.NotResource && resourceMatches(statement.NotResource, request)) return false;
  return Object.entries(statement.Condition ?? {}).every(([operator, keys]) => Object.entries(keys).every(([key, expected]) => conditionHolds(operator, key, expected, request)));
}

/** True when some Allow statement grants the request and no Deny statement matches it. */
export function isAllowed(policy: SimulatedPolicy, request: SimulatedRequest): boolean {
  const denied = policy.Statement.some((s) => s.Effect === 'Deny' && statementAllows(s, request));
  return !denied && policy.Statement.some((s) => s.Effect === 'Allow' && statementAllows(s, request));
}

/** True when some Deny statement matches the request (how a bucket policy shuts a door). */
export function isDenied(policy: SimulatedPolicy, request: SimulatedRequest): boolean {
  return policy.Statement.some((s) => s.Effect === 'Deny' && statementAllows(s, request));
}

/** IAM's answer for a request under an identity policy and a resource policy together. */
export function isAllowedWithBucketPolicy(identity: SimulatedPolicy, bucket: SimulatedPolicy, request: SimulatedRequest): boolean {
  return !isDenied(bucket, request) && isAllowed(identity, request);
}
