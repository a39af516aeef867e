import { AppError } from '../model/errors.js';

/** Every timestamp is stored in this one fixed-width form so text comparison is time order. */
export function isoUtc(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new AppError('invalid_date', 'Invalid date');
  return date.toISOString();
}

/** Brings an ISO-8601 string with any offset to the stored UTC form. */
export function isoFromString(value: string | null): string | null {
  if (value === null) return null;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new AppError('invalid_date', `Invalid date: ${value}`);
  return date.toISOString();
}

/** Like isoFromString for dates from feeds, which are untrusted: unparseable becomes null. */
export function lenientIso(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new AppError('corrupt_data', `Stored ${what} is not valid JSON`, { cause: err });
  }
}

export function nullable<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}
