/**
 * The one logger setup, on Powertools logger because it is part of the product's fixed stack:
 * one structured JSON line per entry on standard output or error (CloudWatch Logs in AWS), with
 * the level, message, time, service and, inside Lambda, the invocation's X-Ray trace id, then
 * the entry's own attributes; an Error among them is written as its name, message and stack.
 * `LOG_LEVEL` (DEBUG, INFO, WARN, ERROR or SILENT) and `SERVICE_NAME` come from the function's
 * environment, and Lambda's own log-level control still overrides them.
 *
 * Inside a request or a job run every line also carries `requestId` and `tenantId` (`none` until
 * the tenant is known), from log-context.ts, so one authority's lines can be picked out.
 *
 * Request bodies, tokens and case data are never logged: callers pass only method, route,
 * status, timing and opaque ids. The narrow interface below keeps it that way (no request or
 * event logging, no persistent keys) and keeps callers apart from the library.
 */
import { LogLevelThreshold, Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { currentLogContext } from './log-context.ts';

export const LOG_LEVELS = ['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export type LogAttributes = Record<string, unknown>;

export interface Logger {
  info(message: string, attributes?: LogAttributes): void;
  warn(message: string, attributes?: LogAttributes): void;
  error(message: string, attributes?: LogAttributes): void;
}

/** Unknown or missing levels become INFO here, so Powertools never falls back to other settings. */
function levelFrom(value: string | undefined, fallback: LogLevel): LogLevel {
  const upper = value?.toUpperCase();
  return LOG_LEVELS.find((level) => level === upper) ?? fallback;
}

export function createLogger(options: { service: string; level: string | undefined }): Logger {
  const powertools = new PowertoolsLogger({ serviceName: options.service, logLevel: levelFrom(options.level, 'INFO') });
  const withContext = (attributes: LogAttributes | undefined): LogAttributes => {
    const context = currentLogContext();
    return context ? { requestId: context.requestId, tenantId: context.tenantId ?? 'none', ...attributes } : (attributes ?? {});
  };
  // Every request logs one info line: when info is not written, nothing of it is built either.
  // The level is settled when the logger is made (Lambda's log-level control included), and
  // asking Powertools for it reads the environment each time, so it is asked once.
  const writesInfo = powertools.level <= LogLevelThreshold.INFO;
  return {
    info: (message, attributes) => {
      if (writesInfo) powertools.info(message, withContext(attributes));
    },
    warn: (message, attributes) => powertools.warn(message, withContext(attributes)),
    error: (message, attributes) => powertools.error(message, withContext(attributes)),
  };
}

export const logger = createLogger({
  service: process.env.SERVICE_NAME ?? 'waypoint',
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'SILENT' : 'INFO'),
});
