/**
 * An `Intl.DateTimeFormat` made when first used rather than when its module loads. The first
 * format with a time zone loads the zone data (about 15 ms of CPU), which every cold start of
 * the API would otherwise pay for, whether or not its first request needs a date.
 */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Pick<Intl.DateTimeFormat, 'format' | 'formatToParts'> {
  let made: Intl.DateTimeFormat | undefined;
  const format = () => (made ??= new Intl.DateTimeFormat(locale, options));
  return {
    format: (at) => format().format(at),
    formatToParts: (at) => format().formatToParts(at),
  };
}
