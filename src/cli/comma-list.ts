import { AppError } from '../model/errors.js';

/** `a,b` → the distinct names, each one of `allowed`; an unknown or empty list is refused naming `flag`. */
export function commaList<const T extends string>(value: string, allowed: readonly T[], flag: string): T[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0 || names.some((n) => !(allowed as readonly string[]).includes(n)))
    throw new AppError('invalid_argument', `${flag}: expected some of ${allowed.join(', ')}, got "${value}"`);
  return [...new Set(names)] as T[];
}
