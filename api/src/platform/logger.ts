import { AsyncLocalStorage } from 'node:async_hooks';
import os from 'node:os';
import { pino, stdSerializers, stdTimeFunctions, type DestinationStream } from 'pino';

/**
 * The request being served: its id, so every log line can carry it, its SQL statement count
 * (see db/orm.ts) and the GraphQL operation it resolved to (for the request log and metrics).
 * One store for all: each AsyncLocalStorage costs every promise.
 */
export const requestScope = new AsyncLocalStorage<RequestStore>();
export interface RequestStore {
  requestId: string;
  sqlStatements: number;
  /** Name of the parsed operation, once Apollo has resolved it (unset: anonymous or invalid). */
  operation?: string;
  /** `extensions.code` of each error in the response. */
  errorCodes?: string[];
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
type Fields = Record<string, unknown>;

/**
 * Builds the pino instance behind the facade: JSON lines with a numeric `level` (pino's: 20
 * debug, 30 info, 40 warn, 50 error), an ISO `time`, `msg`, and the request id of the request
 * being served, added by the mixin from `requestScope`. Errors under `error` or `err` are
 * serialized with their type, message and stack (logs are for operators; clients never see them).
 */
export function createPino(level: LogLevel, destination?: DestinationStream) {
  return pino(
    {
      level,
      base: { pid: process.pid, hostname: os.hostname() },
      timestamp: stdTimeFunctions.isoTime,
      serializers: { error: stdSerializers.err, err: stdSerializers.err },
      mixin() {
        const requestId = requestScope.getStore()?.requestId;
        return requestId ? { requestId } : {};
      },
    },
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

let instance = createPino(initialLevel());

function initialLevel(): LogLevel {
  const fromEnv = process.env.LOG_LEVEL as LogLevel | undefined;
  return fromEnv && ['debug', 'info', 'warn', 'error', 'silent'].includes(fromEnv) ? fromEnv : 'info';
}

/**
 * The platform's logger: `logger.info(message, fields)` everywhere, written through pino as JSON
 * lines on stdout (one event per line, easy to ship to any log store). `setLevel` applies the
 * configured LOG_LEVEL; `useDestination` lets a test capture the lines.
 */
export const logger = {
  setLevel: (level: LogLevel) => {
    instance.level = level;
  },
  isLevelEnabled: (level: Exclude<LogLevel, 'silent'>) => instance.isLevelEnabled(level),
  useDestination: (destination: DestinationStream) => {
    instance = createPino(instance.level as LogLevel, destination);
  },
  debug: (m: string, f?: Fields) => instance.debug(f ?? {}, m),
  info: (m: string, f?: Fields) => instance.info(f ?? {}, m),
  warn: (m: string, f?: Fields) => instance.warn(f ?? {}, m),
  error: (m: string, f?: Fields) => instance.error(f ?? {}, m),
};
