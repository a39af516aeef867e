import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ASR_LEFTOVERS_MAX_AGE_MS, pruneOlderThan } from './prune-old.js';

describe('pruneOlderThan', () => {
  const dir = mkdtempSync(join(tmpdir(), 'podbrief-prune-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('removes chunk folders and partial downloads older than the limit and keeps recent ones', async () => {
    const now = Date.now();
    const old = join(dir, 'cache', 'a'.repeat(64));
    const fresh = join(dir, 'cache', 'b'.repeat(64));
    for (const folder of [old, fresh]) {
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'api-whisper-1-0-0-600000.json'), '{"segments":[]}');
    }
    const partial = join(dir, 'audio', 'c.part');
    mkdirSync(join(dir, 'audio'));
    writeFileSync(partial, 'bytes');
    const eightDaysAgo = (now - 8 * 86_400_000) / 1000;
    utimesSync(old, eightDaysAgo, eightDaysAgo);
    utimesSync(partial, eightDaysAgo, eightDaysAgo);

    expect(await pruneOlderThan(join(dir, 'cache'), ASR_LEFTOVERS_MAX_AGE_MS, now)).toBe(1);
    expect(await pruneOlderThan(join(dir, 'audio'), ASR_LEFTOVERS_MAX_AGE_MS, now)).toBe(1);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(partial)).toBe(false);
    expect(existsSync(join(fresh, 'api-whisper-1-0-0-600000.json'))).toBe(true);
    expect(await pruneOlderThan(join(dir, 'missing'), ASR_LEFTOVERS_MAX_AGE_MS, now)).toBe(0);
  });
});
