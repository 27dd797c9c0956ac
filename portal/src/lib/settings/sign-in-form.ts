/**
 * The "Sign-in" settings form: the council's identity provider as the admin typed it, one row
 * per mapped group. Rows are added and removed by posting the form back (no JavaScript), so a
 * failed or partial post returns every value, except the client secret, which is never sent
 * back to the browser. The API checks everything; its error paths are mapped to the inputs here.
 */
import type { ConnectProviderBody, ProviderConnection, ProviderKind } from '@waypoint/shared/federation/connection-schemas';
import type { FieldError } from '../forms/form-errors.ts';

export interface MappingRow {
  groupId: string;
  role: string;
  teamIds: string[];
}

export interface SignInFormValues {
  kind: ProviderKind;
  issuer: string;
  clientId: string;
  metadataUrl: string;
  metadataXml: string;
  /** One domain a line, as typed. */
  domains: string;
  mappings: MappingRow[];
}

/** The most rows a post may bring: the API maps at most 50 groups; a few more leave room to correct. */
const MAX_ROWS = 60;

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};

export function kindFrom(raw: string | null | undefined): ProviderKind {
  return raw === 'saml' ? 'saml' : 'oidc';
}

export function emptyRow(): MappingRow {
  return { groupId: '', role: '', teamIds: [] };
}

export function valuesFromConnection(connection: ProviderConnection | null, kind?: ProviderKind): SignInFormValues {
  const sameKind = connection && (kind === undefined || connection.kind === kind);
  return {
    kind: kind ?? connection?.kind ?? 'oidc',
    issuer: (sameKind && connection.issuer) || '',
    clientId: (sameKind && connection.clientId) || '',
    metadataUrl: (sameKind && connection.metadataUrl) || '',
    metadataXml: (sameKind && connection.metadataXml) || '',
    domains: connection?.domains.join('\n') ?? '',
    mappings: connection && connection.groupMappings.length > 0 ? connection.groupMappings.map((m) => ({ groupId: m.groupId, role: m.role, teamIds: [...m.teamIds] })) : [emptyRow()],
  };
}

/**
 * Reads the post: rows ticked "Remove" are dropped, and rows left wholly empty too, so what is
 * shown again (and the API's error numbers) match what was sent.
 */
export function valuesFromForm(form: FormData): SignInFormValues {
  const count = Math.min(Number.parseInt(text(form, 'mappingRows'), 10) || 0, MAX_ROWS);
  const mappings: MappingRow[] = [];
  for (let i = 0; i < count; i++) {
    if (form.get(`mappings-${i}-remove`) !== null) continue;
    const row = {
      groupId: text(form, `mappings-${i}-groupId`),
      role: text(form, `mappings-${i}-role`),
      teamIds: form.getAll(`mappings-${i}-teams`).filter((t): t is string => typeof t === 'string'),
    };
    if (row.groupId.trim() === '' && row.role === '' && row.teamIds.length === 0) continue;
    mappings.push(row);
  }
  return {
    kind: kindFrom(text(form, 'kind')),
    issuer: text(form, 'issuer'),
    clientId: text(form, 'clientId'),
    metadataUrl: text(form, 'metadataUrl'),
    metadataXml: text(form, 'metadataXml'),
    domains: text(form, 'domains'),
    mappings,
  };
}

/**
 * The API body. A field left empty is still sent (as empty, or left out where the API means
 * "keep"), so the API's own messages say what is missing; a role left unchosen is sent empty
 * and refused with the reason.
 */
export function connectBody(values: SignInFormValues, clientSecret: string): ConnectProviderBody {
  const domains = values.domains
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter(Boolean);
  const groupMappings = values.mappings.map((m) => ({ groupId: m.groupId, role: m.role, teamIds: m.teamIds })) as ConnectProviderBody['groupMappings'];
  if (values.kind === 'oidc') {
    return { kind: 'oidc', issuer: values.issuer, clientId: values.clientId, ...(clientSecret !== '' ? { clientSecret } : {}), domains, groupMappings };
  }
  const url = values.metadataUrl.trim();
  const xml = values.metadataXml.trim();
  return { kind: 'saml', ...(url ? { metadataUrl: url } : {}), ...(xml ? { metadataXml: xml } : {}), domains, groupMappings };
}

/** What the form can tell before asking the API: a group with no role chosen. */
export function missingRoles(values: SignInFormValues): FieldError[] {
  return values.mappings.flatMap((m, i) => (m.role === '' ? [{ field: `mappings-${i}-role`, message: `Choose the role group ${i + 1} gives` }] : []));
}

/** Where each API error path shows: `groupMappings.2.teamIds.0` is row 2's team boxes. */
export function inputFor(path: string, kind: ProviderKind): string {
  const mapping = /^groupMappings\.(\d+)(?:\.(groupId|role|teamIds))?/.exec(path);
  if (mapping) return `mappings-${mapping[1]}-${mapping[2] === 'teamIds' ? 'teams' : (mapping[2] ?? 'groupId')}`;
  if (path === 'groupMappings') return 'mappings-0-groupId';
  if (path.startsWith('domains')) return 'domains';
  if (['issuer', 'clientId', 'clientSecret', 'metadataUrl', 'metadataXml'].includes(path)) return path;
  // A check of the whole body (SAML: the address or the XML, not both) belongs by the first provider field.
  return kind === 'oidc' ? 'issuer' : 'metadataUrl';
}

/** One error an input: the first the API gave for it. */
export function fieldErrorsFromApi(problemErrors: readonly { path: string; message: string }[] | undefined, kind: ProviderKind): FieldError[] {
  const errors: FieldError[] = [];
  for (const e of problemErrors ?? []) {
    const field = inputFor(e.path, kind);
    if (!errors.some((known) => known.field === field)) errors.push({ field, message: e.message });
  }
  return errors;
}
