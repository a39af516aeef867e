import { pino, stdTimeFunctions, type Logger as Pino } from 'pino';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
/** text: `level msg key=value …`, for a person at a terminal; json: one object per line, for a log collector. */
export type LogFormat = 'text' | 'json';

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** The pino instance behind each JSON logger made here, so that withFields makes a pino child of it. */
const pinos = new WeakMap<Logger, Pino>();

/**
 * One line per event on stderr, so stdout stays free for command output. JSON lines carry the stable
 * keys `level` (debug…error), `time` (ISO 8601 UTC) and `msg`, then the logger's fields (`reqId`,
 * `job`, `jobId`) and the event's.
 */
export function createLogger(
  level: LogLevel = 'info',
  write: (line: string) => void = (l) => process.stderr.write(l + '\n'),
  format: LogFormat = 'text',
): Logger {
  if (format === 'text') return textLogger(level, write);
  return wrap(
    pino(
      {
        level,
        base: undefined,
        timestamp: stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
      },
      { write: (json: string) => write(maskUrlCredentials(json.trimEnd())) },
    ),
  );
}

const RANK: Record<LogLevel, number> = { debug: 20, info: 30, warn: 40, error: 50, silent: Infinity };

/**
 * The terminal form, `level msg key=value …` without the time, formatted straight from the call:
 * pino would serialize each event to JSON only for it to be parsed back into this line.
 */
function textLogger(level: LogLevel, write: (line: string) => void): Logger {
  const at = (lvl: Exclude<LogLevel, 'silent'>) =>
    RANK[lvl] < RANK[level]
      ? () => {}
      : (msg: string, fields?: Record<string, unknown>) => write(maskUrlCredentials(textLine(lvl, msg, fields)));
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The same logger, adding `fields` to every line (a request's id, a job's name and id). */
export function withFields(log: Logger, fields: Record<string, unknown>): Logger {
  const p = pinos.get(log);
  if (p) return wrap(p.child(fields));
  const merged =
    (at: (msg: string, f?: Record<string, unknown>) => void) => (msg: string, f?: Record<string, unknown>) =>
      at(msg, { ...fields, ...f });
  return {
    debug: merged(log.debug.bind(log)),
    info: merged(log.info.bind(log)),
    warn: merged(log.warn.bind(log)),
    error: merged(log.error.bind(log)),
  };
}

function wrap(p: Pino): Logger {
  // A message is never a format string: `%s` in a feed title stays as it is.
  const at = (lvl: Exclude<LogLevel, 'silent'>) => (msg: string, fields?: Record<string, unknown>) =>
    p[lvl](fields ?? {}, '%s', msg);
  const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  pinos.set(log, p);
  return log;
}

function textLine(level: string, msg: string, fields: Record<string, unknown> = {}): string {
  let extra = '';
  for (const [k, v] of Object.entries(fields)) {
    const value = formatValue(v);
    // Left out, as JSON leaves out undefined and functions.
    if (value !== undefined) extra += ` ${k}=${value}`;
  }
  return `${level.padEnd(5)} ${msg}${extra}`;
}

/** A feed URL may carry a password (`https://user:pass@host/feed`): never written to a log. */
function maskUrlCredentials(line: string): string {
  return line.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"]*@/gi, '$1***@');
}

function formatValue(value: unknown): string | undefined {
  // A Date (or anything with toJSON) is written as what it stands for, like a string field.
  const v =
    typeof (value as { toJSON?: unknown } | null)?.toJSON === 'function'
      ? (value as { toJSON(): unknown }).toJSON()
      : value;
  const s = typeof v === 'string' ? v : jsonOf(v);
  if (s === undefined) return undefined;
  return /[\s"=]/.test(s) ? JSON.stringify(s) : s;
}

function jsonOf(v: unknown): string | undefined {
  if (typeof v === 'bigint') return String(v);
  try {
    return JSON.stringify(v) as string | undefined;
  } catch {
    return String(v); // A cycle: a log line is no place to throw.
  }
}
