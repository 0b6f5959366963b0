import pino from 'pino';

/** Severity of a log entry; `silent` as a threshold turns logging off. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Extra structured fields of an entry (request id, durations, error …). */
export type LogFields = Record<string, unknown>;

/** A structured logger: one JSON object per line (F40), backed by pino. */
export interface Logger {
  /** Logs at debug level. */
  debug(msg: string, fields?: LogFields): void;
  /** Logs at info level. */
  info(msg: string, fields?: LogFields): void;
  /** Logs at warn level. */
  warn(msg: string, fields?: LogFields): void;
  /** Logs at error level. */
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` (e.g. the request id) to every entry. */
  child(fields: LogFields): Logger;
}

/** Options of `createLogger`. */
export interface LoggerOptions {
  /** Lowest level written; default `LOG_LEVEL`, else `warn` under Jest and `info` otherwise. */
  level?: LogLevel | 'silent';
  /** Receives each finished line; default stdout (debug, info) or stderr (warn, error). */
  write?: (line: string, level: LogLevel) => void;
  /** Fields added to every entry. */
  fields?: LogFields;
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error'];

function defaultLevel(): LogLevel | 'silent' {
  const env = process.env.LOG_LEVEL;
  if (env && (env === 'silent' || (LEVELS as readonly string[]).includes(env))) {
    return env as LogLevel | 'silent';
  }
  return process.env.NODE_ENV === 'test' ? 'warn' : 'info';
}

function defaultWrite(line: string, level: LogLevel): void {
  (level === 'warn' || level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

/** Errors do not survive JSON serialization (their fields are not enumerable); flatten them. */
function serialize(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, code, stack: value.stack };
  }
  return value;
}

/** True when `value` refers back to one of its own ancestors (pino would print "[Circular]"). */
function circular(value: unknown, ancestors: Set<object> = new Set()): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (ancestors.has(value)) return true;
  ancestors.add(value);
  const found = Object.values(value).some((v) => circular(v, ancestors));
  ancestors.delete(value);
  return found;
}

/**
 * Prepares an entry's fields: Errors flattened; a circular structure replaced by a note (as
 * before pino: such an entry says so instead of printing a half-useful "[Circular]" tree).
 */
function fieldsOf(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) out[key] = serialize(value);
  return circular(out) ? { note: 'unserializable fields' } : out;
}

/**
 * Creates a JSON-lines logger on pino: `{"level":"info","time":"<ISO>","msg":…,…fields}`.
 * Lines go through pino's multistream with one sink per level (dedupe), so `write` learns each
 * line's level and the default sink splits stdout (debug, info) from stderr (warn, error).
 * Writes are synchronous: a line is out before the call returns (tests and crash logs rely on it).
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const write = options.write ?? defaultWrite;
  const streams = LEVELS.map((level) => ({
    level,
    stream: { write: (line: string) => write(line.replace(/\n$/, ''), level) },
  }));
  const base = pino(
    {
      level: options.level ?? defaultLevel(),
      base: null,
      timestamp: () => `,"time":"${new Date().toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    pino.multistream(streams, { dedupe: true }),
  );
  return wrap(options.fields ? base.child(fieldsOf(options.fields)) : base);
}

function wrap(p: pino.Logger): Logger {
  const log = (level: LogLevel) => (msg: string, fields?: LogFields) => {
    if (!p.isLevelEnabled(level)) return;
    if (fields) p[level](fieldsOf(fields), msg);
    else p[level](msg);
  };
  return {
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    child: (fields) => wrap(p.child(fieldsOf(fields))),
  };
}

/** The process-wide logger. */
export const logger: Logger = createLogger();
