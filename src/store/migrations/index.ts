import type { Migration } from 'kysely';
import { initial } from './0001-initial.js';

/** Every migration, keyed by a name that sorts in the order they must run. Append only. */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
};
