import { senderAddress } from '../model/email-address.js';
import { resolve } from 'node:path';
import { z } from 'zod';

/** A schema that turns one raw string from env or the config file into a typed value. */
export type OptionType<T> = z.ZodType<T, string>;

const INTEGER = /^[+-]?\d+$/;
const MAX = Number.MAX_SAFE_INTEGER;

export function text(expected = 'a non-empty value'): OptionType<string> {
  return z
    .string()
    .trim()
    .min(1, { error: `expected ${expected}` });
}

/** Empty stays empty: the option's absence has a meaning of its own. */
export function optionalText(): OptionType<string> {
  return z.string().trim();
}

export function integer(min: number, max = MAX): OptionType<number> {
  const error = `expected ${range(min, max)}`;
  return z
    .string()
    .trim()
    .regex(INTEGER, { error })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error });
}

const UNITS: Record<string, number> = { '': 1, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

/** Bytes as an integer, or with a KiB / MiB / GiB suffix. */
export function bytes(min: number): OptionType<number> {
  const error = `expected a byte count >= ${min}, e.g. 1048576 or 20MiB`;
  return z
    .string()
    .trim()
    .regex(/^[+-]?\d+\s*([kmg]ib)?$/i, { error })
    .transform((raw) => {
      const [, digits = '', unit = ''] = /^([+-]?\d+)\s*(\w*)$/.exec(raw) ?? [];
      return Number(digits) * (UNITS[unit.toLowerCase()] ?? Number.NaN);
    })
    .refine((n) => Number.isSafeInteger(n) && n >= min, { error });
}

const TRUE = new Set(['true', '1', 'yes']);
const FALSE = new Set(['false', '0', 'no']);

export function boolean(): OptionType<boolean> {
  return z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => TRUE.has(v) || FALSE.has(v), { error: 'expected true/false, 1/0 or yes/no' })
    .transform((v) => TRUE.has(v));
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T): OptionType<T[number]> {
  const error = `expected one of: ${values.join(', ')}`;
  return z
    .string()
    .trim()
    .refine((v): v is T[number] => values.includes(v), { error })
    .transform((v) => v as T[number]);
}

/** An absolute http(s) URL, without a trailing slash so paths can be appended. */
export function httpUrl(): OptionType<string> {
  return z
    .string()
    .trim()
    .refine((v) => hasProtocol(v, ['http:', 'https:']), { error: 'expected an http:// or https:// URL' })
    .transform((v) => v.replace(/\/+$/, ''));
}

/** Empty, or a URL with one of the given protocols (e.g. `smtp:`). */
export function optionalUrl(protocols: string[]): OptionType<string> {
  const list = protocols.map((p) => `${p}//`).join(' or ');
  return z
    .string()
    .trim()
    .refine((v) => v === '' || hasProtocol(v, protocols), { error: `expected empty or a ${list} URL` });
}

/** Empty, a file path, or a postgres:// / sqlite: / file: URL. */
export function databaseUrl(): OptionType<string> {
  return z
    .string()
    .trim()
    .refine((v) => !/^[a-z][a-z0-9+.-]+:/i.test(v) || /^(postgres(ql)?:\/\/|sqlite:|file:)/i.test(v), {
      error: 'expected empty, a file path, sqlite:<path> or a postgres:// URL',
    });
}

export function timezone(): OptionType<string> {
  return z.string().trim().refine(isTimezone, { error: 'expected an IANA time zone such as UTC or Europe/Berlin' });
}

/** A path; relative ones resolve against the current working directory. */
export function directory(): OptionType<string> {
  return text('a directory path').transform((p) => resolve(p));
}

function isSenderMailbox(value: string): boolean {
  try {
    senderAddress(value);
    return true;
  } catch {
    return false;
  }
}

export function mailbox(): OptionType<string> {
  return text().refine((v) => isSenderMailbox(v), {
    error: 'expected an address such as "Podbrief <brief@example.com>"',
  });
}

function range(min: number, max: number): string {
  return max === MAX ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
}

function hasProtocol(value: string, protocols: string[]): boolean {
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) && url.host !== '';
  } catch {
    return false;
  }
}

function isTimezone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value !== '';
  } catch {
    return false;
  }
}
