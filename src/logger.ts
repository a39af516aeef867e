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

/** The pino instance behind each logger made here, so that withFields makes a pino child of it. */
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
  const destination = {
    write(json: string) {
      write(maskUrlCredentials(format === 'json' ? json.trimEnd() : textLine(json)));
    },
  };
  return wrap(
    pino(
      {
        level,
        base: undefined,
        timestamp: stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
      },
      destination,
    ),
  );
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

/** The terminal form of one JSON line: `level msg key=value …` without the time. */
function textLine(json: string): string {
  const { level, time: _time, msg, ...fields } = JSON.parse(json) as Record<string, unknown>;
  const extra = Object.entries(fields)
    .map(([k, v]) => `${k}=${formatValue(v)}`)
    .join(' ');
  return `${String(level).padEnd(5)} ${String(msg)}${extra ? ' ' + extra : ''}`;
}

/** A feed URL may carry a password (`https://user:pass@host/feed`): never written to a log. */
function maskUrlCredentials(line: string): string {
  return line.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@"]*@/gi, '$1***@');
}

function formatValue(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /[\s"=]/.test(s) ? JSON.stringify(s) : s;
}
