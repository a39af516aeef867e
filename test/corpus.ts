import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** ../shared/corpus beside the repo; read in place, never copied. */
const corpusDir = process.env.PODBRIEF_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus');
const sharedDir = dirname(corpusDir);
export const hasCorpus = existsSync(corpusDir);

/**
 * Tests that need the shared corpus skip with a message when it is absent (a clone elsewhere),
 * but must run in CI: there a missing corpus is a failure, not a skip.
 */
export function requireCorpus(): boolean {
  return requireShared(corpusDir, 'shared corpus');
}

/** A file of ../shared (fixtures/, tools/), under the same rule as the corpus. */
export function sharedPath(...parts: string[]): string {
  return join(sharedDir, ...parts);
}

/** True when `path` exists; otherwise a skip with a message, or a failure when CI=true. */
export function requireShared(path: string, what: string = path): boolean {
  if (existsSync(path)) return true;
  if (process.env.CI === 'true') throw new Error(`${what} not found at ${path} (required when CI=true)`);
  console.warn(`skipping: ${what} not found at ${path}`);
  return false;
}

export function corpusPath(...parts: string[]): string {
  return join(corpusDir, ...parts);
}
