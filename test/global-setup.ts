import { createRunDatabase, RUN_DATABASE_ENV } from '../src/store/test-harness.js';

/**
 * Once per `vitest run`: a PostgreSQL database of the run's own (when the server is reachable), so
 * that no other run or worker drops a schema while one of ours migrates (see RUN_DATABASE_ENV).
 * Workers inherit the environment set here.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const db = await createRunDatabase();
  if (!db) return async () => {};
  process.env['PODBRIEF_TEST_DATABASE_URL'] = db.url;
  process.env[RUN_DATABASE_ENV] = db.name;
  return () => db.drop();
}
