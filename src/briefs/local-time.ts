import { AppError } from '../model/errors.js';

export interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  date: string;
  hour: number;
}

// Building a DateTimeFormat costs far more than formatting with one; a send run asks per subscriber.
const formats = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATS = 1000;

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      throw new AppError('invalid_timezone', `unknown time zone "${timeZone}"`);
    }
    if (formats.size >= MAX_FORMATS) formats.clear();
    formats.set(timeZone, format);
  }
  return format;
}

/** The calendar date and hour that `now` is in `timeZone` (an IANA name). */
export function localTime(now: Date, timeZone: string): LocalTime {
  const parts = formatFor(timeZone).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    localTime(new Date(), timeZone);
    return true;
  } catch {
    return false;
  }
}
