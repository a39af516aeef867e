import { AppError } from '../model/errors.js';

export interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  date: string;
  hour: number;
}

/** The calendar date and hour that `now` is in `timeZone` (an IANA name). */
export function localTime(now: Date, timeZone: string): LocalTime {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(now);
  } catch {
    throw new AppError('invalid_timezone', `unknown time zone "${timeZone}"`);
  }
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
