import type { Config } from '../../config/index.js';
import { isPostgresUrl } from '../../store/index.js';

/** Scale mode (jobs on the queue, workers in other processes) is on when the database is PostgreSQL. */
export function isScaleMode(config: Pick<Config, 'databaseUrl'>): boolean {
  return isPostgresUrl(config.databaseUrl);
}
