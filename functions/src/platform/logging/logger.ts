/**
 * The one logger setup: one JSON line per entry on standard output (CloudWatch Logs in AWS),
 * with the level, message, time, service and, inside Lambda, the X-Ray trace id, then the
 * entry's own attributes. Request bodies, tokens and case data are never logged: log lines
 * carry only method, route, status, timing and opaque ids.
 *
 * Written here rather than with Powertools logger, whose class, formatters and shared utilities
 * were about 23 KB of the API bundle for the three methods below. `LOG_LEVEL` (DEBUG, INFO,
 * WARN, ERROR or SILENT) and `SERVICE_NAME` come from the function's environment.
 */

export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogAttributes = Record<string, unknown>;

export interface Logger {
  info(message: string, attributes?: LogAttributes): void;
  warn(message: string, attributes?: LogAttributes): void;
  error(message: string, attributes?: LogAttributes): void;
}

/** An Error becomes its name, message and stack; JSON would otherwise write it as `{}`. */
function errorsAsObjects(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}

function levelFrom(value: string | undefined, fallback: LogLevel): LogLevel {
  const upper = value?.toUpperCase();
  return LOG_LEVELS.find((level) => level === upper) ?? fallback;
}

export function createLogger(options: { service: string; level: string | undefined; write?: (line: string) => void; now?: () => Date }): Logger {
  const threshold = LOG_LEVELS.indexOf(levelFrom(options.level, 'INFO'));
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const entry = (level: LogLevel) => (message: string, attributes?: LogAttributes) => {
    if (LOG_LEVELS.indexOf(level) < threshold) return;
    // Lambda sets the trace id per invocation; Root is the part X-Ray's console searches by.
    const trace = /Root=([^;]+)/.exec(process.env._X_AMZN_TRACE_ID ?? '')?.[1];
    write(JSON.stringify({ level, message, timestamp: now().toISOString(), service: options.service, ...(trace ? { xray_trace_id: trace } : {}), ...attributes }, errorsAsObjects));
  };
  return { info: entry('INFO'), warn: entry('WARN'), error: entry('ERROR') };
}

export const logger = createLogger({
  service: process.env.SERVICE_NAME ?? 'waypoint',
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'SILENT' : 'INFO'),
});
