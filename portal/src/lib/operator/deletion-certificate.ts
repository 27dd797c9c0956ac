/** The certificate of deletion in words: for the page and for the plain-text copy to keep. */
import type { TenantDeletion } from '@waypoint/shared/tenancy/offboarding-schemas';
import { formatDate, formatDateTime } from '@waypoint/shared/formatting/dates';

const FILE_AREAS: Record<string, string> = { evidence: 'Evidence files', imports: 'Imported files', exports: 'Export files' };

export const fileAreaLabel = (area: string) => FILE_AREAS[area] ?? 'Other files';

/** The certificate's facts, in order, as label and value. */
export function certificateFacts(deletion: TenantDeletion): [string, string][] {
  return [
    ['Certificate number', deletion.certificateNumber ?? 'Not yet issued'],
    ['Authority', deletion.name],
    ['Web address', deletion.slug],
    ['Left Waypoint on', formatDate(deletion.leavesOn)],
    ['Deletion due on', formatDate(deletion.dueOn)],
    ['Deletion started', formatDateTime(deletion.startedAt)],
    ['Deletion finished', deletion.finishedAt ? formatDateTime(deletion.finishedAt) : 'Not yet'],
    ['Records deleted', deletion.recordsTotal.toLocaleString('en-GB')],
    ['Files deleted', deletion.filesTotal.toLocaleString('en-GB')],
    ['Sign-in accounts deleted', deletion.accountsRemoved.toLocaleString('en-GB')],
    ['Council sign-in connections removed', deletion.signInProvidersRemoved.toLocaleString('en-GB')],
    ['Email domains released', deletion.emailDomainsReleased.toLocaleString('en-GB')],
    ['Records left after a final check', String(deletion.recordsRemaining ?? 'Not checked yet')],
    ['Files left after a final check', String(deletion.filesRemaining ?? 'Not checked yet')],
  ];
}

/** The certificate as plain text, to download and keep. */
export function certificateText(deletion: TenantDeletion): string {
  const width = 34;
  const lines = [
    'CERTIFICATE OF DELETION',
    '',
    `All records, files and sign-in accounts that ${deletion.name} kept in Waypoint have been deleted.`,
    'This certificate holds counts and dates only, nothing that any record held.',
    '',
    ...certificateFacts(deletion).map(([label, value]) => `${label.padEnd(width)}${value}`),
    '',
    'Records deleted, by kind',
    ...deletion.records.map((r) => `${r.type.padEnd(width)}${r.count.toLocaleString('en-GB').padStart(10)}  ${r.description}`),
    '',
    'Files deleted, by kind',
    ...(deletion.files.length ? deletion.files.map((f) => `${fileAreaLabel(f.area).padEnd(width)}${f.count.toLocaleString('en-GB').padStart(10)}`) : ['None']),
    '',
  ];
  return lines.join('\r\n');
}
