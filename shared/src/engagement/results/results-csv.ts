/** The figures behind the results charts as CSV, through the defusing `toCsv`: withheld figures read "fewer than 5". */
import { describeShown } from '../../reporting/small-numbers.ts';
import { toCsv } from '../../reporting/csv.ts';
import type { ResultsView } from './result-schemas.ts';

export const RESULTS_CSV_HEADER = ['Form', 'Section', 'Question', 'Answer', 'Responses'] as const;

export function resultsCsv(view: ResultsView): string {
  const rows: (string | number)[][] = [];
  for (const form of view.forms) {
    rows.push([form.formName, '', 'All responses', '', describeShown(form.responses)]);
    for (const item of form.items) {
      for (const c of item.counts) rows.push([form.formName, item.sectionId, item.label, c.label, c.count.suppressed ? describeShown(c.count) : c.count.value]);
    }
    for (const t of form.themes) rows.push([form.formName, 'themes', t.theme, '', t.count.suppressed ? describeShown(t.count) : t.count.value]);
  }
  return toCsv(RESULTS_CSV_HEADER, rows);
}
