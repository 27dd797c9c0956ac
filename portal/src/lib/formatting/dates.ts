/** Dates and times as UK staff read them, in Europe/London whatever the server's zone. */

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

function parse(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** "4 March 2025" */
export function formatDate(iso: string | undefined): string {
  const d = parse(iso);
  return d ? dateFormat.format(d) : 'Not known';
}

/** "4 Mar 2025, 14:05" */
export function formatDateTime(iso: string | undefined): string {
  const d = parse(iso);
  return d ? dateTimeFormat.format(d) : 'Not known';
}
