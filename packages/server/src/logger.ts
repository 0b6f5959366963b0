/** Severity of a log entry; `silent` as a threshold turns logging off. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Extra structured fields of an entry (request id, durations, error …). */
export type LogFields = Record<string, unknown>;

/** A structured logger: one JSON object per line (F40). */
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

const RANK: Record<LogLevel | 'silent', number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 99,
};

function defaultLevel(): LogLevel | 'silent' {
  const env = process.env.LOG_LEVEL;
  if (env && env in RANK) return env as LogLevel | 'silent';
  return process.env.NODE_ENV === 'test' ? 'warn' : 'info';
}

function defaultWrite(line: string, level: LogLevel): void {
  (level === 'warn' || level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

/** Errors do not survive JSON.stringify (their fields are not enumerable); flatten them. */
function serialize(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, code, stack: value.stack };
  }
  return value;
}

/** Creates a JSON-lines logger. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const threshold = RANK[options.level ?? defaultLevel()];
  const write = options.write ?? defaultWrite;
  const bound = options.fields ?? {};
  const log = (level: LogLevel, msg: string, fields: LogFields = {}): void => {
    if (RANK[level] < threshold) return;
    const entry: LogFields = { time: new Date().toISOString(), level, msg, ...bound };
    for (const [key, value] of Object.entries(fields)) entry[key] = serialize(value);
    let line: string;
    try {
      line = JSON.stringify(entry);
    } catch {
      // A circular or BigInt field must not turn logging into a crash.
      line = JSON.stringify({
        time: entry.time,
        level,
        msg,
        ...bound,
        note: 'unserializable fields',
      });
    }
    write(line, level);
  };
  return {
    debug: (msg, fields) => log('debug', msg, fields),
    info: (msg, fields) => log('info', msg, fields),
    warn: (msg, fields) => log('warn', msg, fields),
    error: (msg, fields) => log('error', msg, fields),
    child: (fields) => createLogger({ ...options, fields: { ...bound, ...fields } }),
  };
}

/** The process-wide logger. */
export const logger: Logger = createLogger();
