/** Dates and times as UK staff read them: the one formatter in shared, used by the emails too. */
export { formatDate, formatDateTime, formatMonth } from '@waypoint/shared/formatting/dates';
export { countOf, pluralNoun } from '@waypoint/shared/formatting/plurals';
