import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** ../shared/corpus beside the repo; read in place, never copied. */
export const corpusDir = process.env.PODBRIEF_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus');
export const sharedDir = dirname(corpusDir);
export const hasCorpus = existsSync(corpusDir);

/**
 * Tests that need the shared corpus skip with a message when it is absent (a clone elsewhere),
 * but must run in CI: there a missing corpus is a failure, not a skip.
 */
export function requireCorpus(): boolean {
  if (hasCorpus) return true;
  if (process.env.CI === 'true') throw new Error(`shared corpus not found at ${corpusDir} (required when CI=true)`);
  console.warn(`skipping: shared corpus not found at ${corpusDir}`);
  return false;
}

export function corpusPath(...parts: string[]): string {
  return join(corpusDir, ...parts);
}
