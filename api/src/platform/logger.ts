import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The request being served: its id, so every log line can carry it, and its SQL statement
 * count (see db/orm.ts). One store for both: each AsyncLocalStorage costs every promise.
 */
export const requestScope = new AsyncLocalStorage<{ requestId: string; sqlStatements: number }>();

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
let threshold: Level = (process.env.LOG_LEVEL as Level) || 'info';

function serialize(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

function write(level: Level, message: string, fields: Record<string, unknown> = {}) {
  if (order[level] < order[threshold]) return;
  const entry: Record<string, unknown> = {
    time: new Date().toISOString(),
    level,
    message,
    requestId: requestScope.getStore()?.requestId,
  };
  for (const [k, v] of Object.entries(fields)) entry[k] = serialize(v);
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(JSON.stringify(entry) + '\n');
}

/** JSON lines on stdout/stderr: one event per line, easy to ship to any log store. */
export const logger = {
  setLevel: (level: Level) => (threshold = level),
  debug: (m: string, f?: Record<string, unknown>) => write('debug', m, f),
  info: (m: string, f?: Record<string, unknown>) => write('info', m, f),
  warn: (m: string, f?: Record<string, unknown>) => write('warn', m, f),
  error: (m: string, f?: Record<string, unknown>) => write('error', m, f),
};
