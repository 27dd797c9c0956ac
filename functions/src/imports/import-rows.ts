/**
 * One row of a file, checked: the fields it fills, by the mapping chosen, and each problem
 * with the column the person importing knows it by. Shared by every kind of file.
 */
import type { ImportProblem } from '@waypoint/shared/imports/import-schemas';
import { shorten, type Parsed } from '@waypoint/shared/imports/import-values';
import type { CellValue, FileRow } from './import-file.ts';

export class RowReader {
  readonly problems: ImportProblem[] = [];
  constructor(
    private readonly row: FileRow,
    private readonly columns: ReadonlyMap<string, { index: number; header: string }>,
  ) {}

  get number(): number {
    return this.row.row;
  }

  mapped(field: string): boolean {
    return this.columns.has(field);
  }

  columnOf(field: string): string {
    return this.columns.get(field)?.header ?? field;
  }

  problem(field: string, message: string): void {
    this.problems.push({ row: this.row.row, column: this.columnOf(field), message });
  }

  /** The cell as typed (a date cell of an XLSX file stays a date); undefined when unmapped or empty. A formula is a problem. */
  raw(field: string): string | Date | undefined {
    const column = this.columns.get(field);
    if (!column) return undefined;
    const cell: CellValue | undefined = this.row.cells[column.index];
    if (cell === undefined || cell === '') return undefined;
    if (typeof cell === 'object' && !(cell instanceof Date)) {
      this.problem(field, `This cell holds a spreadsheet formula (=${shorten(cell.formula)}), not a value. Export the values only, or paste them as values, and upload again.`);
      return undefined;
    }
    if (typeof cell === 'string') return cell.trim() === '' ? undefined : cell.trim();
    return cell;
  }

  /** The cell as written, a formula as its `=` text, with no problem recorded: what a refused row is known by. */
  asWritten(field: string): string | undefined {
    const column = this.columns.get(field);
    const cell = column ? this.row.cells[column.index] : undefined;
    if (cell === undefined || cell === '') return undefined;
    if (cell instanceof Date) return cell.toISOString().slice(0, 10);
    return typeof cell === 'object' ? `=${cell.formula}` : cell.trim().slice(0, 100);
  }

  text(field: string): string | undefined {
    const value = this.raw(field);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return value;
  }

  required(field: string, label: string): string | undefined {
    const value = this.text(field);
    if (value === undefined && !this.problems.some((p) => p.column === this.columnOf(field))) this.problem(field, `${label} is missing.`);
    return value;
  }

  /** The parsed value, or undefined (with a problem recorded) when the cell cannot be read. */
  parse<T>(field: string, value: string | Date | undefined, parser: (v: never) => Parsed<T>): T | undefined {
    if (value === undefined) return undefined;
    const parsed = parser(value as never);
    if (parsed.ok) return parsed.value;
    this.problem(field, parsed.message);
    return undefined;
  }
}

/** Which column each mapped field reads, by the file's headers. */
export function columnsFor(mapping: Record<string, string>, headers: readonly string[]): Map<string, { index: number; header: string }> {
  const columns = new Map<string, { index: number; header: string }>();
  for (const [field, header] of Object.entries(mapping)) {
    const index = headers.indexOf(header);
    if (index >= 0) columns.set(field, { index, header });
  }
  return columns;
}
