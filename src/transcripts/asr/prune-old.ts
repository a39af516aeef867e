import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Leftovers of a crashed run (chunk results, partial downloads) are worth resuming for a day or so, not forever. */
export const ASR_LEFTOVERS_MAX_AGE_MS = 7 * 86_400_000;

/** Removes the entries of `dir` last modified before `now - maxAgeMs`; a missing folder is fine. */
export async function pruneOlderThan(dir: string, maxAgeMs: number, now = Date.now()): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info || info.mtimeMs >= now - maxAgeMs) continue;
    await rm(path, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
