import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './index.js';
import { createTestDatabase, type TestDatabase } from './test-harness.js';

const storeIndex = fileURLToPath(new URL('./index.ts', import.meta.url));

/** One separate process with its own SQLite connection racing for the same brief. */
function racer(dataDir: string, userId: number, startAt: number): Promise<{ created: boolean; claimed: boolean }> {
  const script = `
    import { openStore } from ${JSON.stringify(storeIndex)};
    const store = await openStore({ dataDir: ${JSON.stringify(dataDir)} });
    await new Promise((r) => setTimeout(r, Math.max(0, ${startAt} - Date.now())));
    const brief = await store.createBrief(${userId}, '2024-06-01', [{ insightId: process.pid, headline: '', text: '', quote: '', start: 0, end: 0, podcastTitle: '', episodeTitle: '', related: [] }]);
    const saved = await store.briefFor(${userId}, '2024-06-01');
    const claim = await store.claimDelivery(saved.id);
    await store.close();
    console.log(JSON.stringify({ created: brief !== undefined, claimed: claim !== undefined }));
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`racer exited ${code}: ${err}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as { created: boolean; claimed: boolean });
    });
  });
}

describe('SQLite shared by several processes', () => {
  let db: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
    store = await openStore(db.options);
  });
  afterEach(async () => {
    await store.close();
    await db.dispose();
  });

  it('lets exactly one process create the brief and exactly one claim its delivery', async () => {
    const userId = (await store.addUser({ email: 'ada@example.com', interests: [] })).user.id;
    const startAt = Date.now() + 4000;
    const results = await Promise.all([1, 2, 3, 4].map(() => racer(db.dataDir, userId, startAt)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results.filter((r) => r.claimed)).toHaveLength(1);
    expect(await store.listDeliveries(10)).toMatchObject([{ status: 'sending', attempts: 1 }]);
  });
});
