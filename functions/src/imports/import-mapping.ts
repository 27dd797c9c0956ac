/** Whether a mapping can be checked at all: kept apart from the file reading, so the API can ask without loading the parsers. */
import { IMPORT_FIELDS } from '@waypoint/shared/imports/import-schemas';
import type { StoredImport } from './import-store.ts';

/** Problems with the mapping itself, which make every row wrong. */
export function mappingProblems(record: Pick<StoredImport, 'kind' | 'mapping' | 'headers'>): string[] {
  const headers = record.headers ?? [];
  const problems: string[] = [];
  for (const field of IMPORT_FIELDS[record.kind]) {
    const column = record.mapping?.[field.name];
    if (column === undefined || column === '') {
      if (field.required) problems.push(`Choose the column that holds ${field.label.toLowerCase()}.`);
    } else if (!headers.includes(column)) problems.push(`The file has no column called “${column}” (chosen for ${field.label.toLowerCase()}).`);
  }
  return problems;
}
