import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './index.js';
import { createTestDatabase, type TestDatabase } from './test-harness.js';

const storeIndex = fileURLToPath(new URL('./index.ts', import.meta.url));

interface RaceResult {
  userCreated: boolean;
  briefCreated: boolean;
  claimed: boolean;
}

interface Racer {
  ready: Promise<void>;
  go(): void;
  result: Promise<RaceResult>;
}

/**
 * A separate process with its own SQLite connection. It says `ready` once its modules are loaded
 * and waits for `go` on stdin, so that all of them race from the same moment.
 */
function racer(dataDir: string): Racer {
  const script = `
    import { openStore } from ${JSON.stringify(storeIndex)};
    process.stdout.write('ready\\n');
    await new Promise((r) => process.stdin.once('data', r));
    process.stdin.destroy();
    const store = await openStore({ dataDir: ${JSON.stringify(dataDir)} });
    const { user, created } = await store.addUser({ email: 'ada@example.com', interests: [] });
    const item = { insightId: process.pid, headline: '', text: '', quote: '', start: 0, end: 0, podcastTitle: '', episodeTitle: '', related: [] };
    const brief = await store.createBrief(user.id, '2024-06-01', [item]);
    const saved = await store.briefFor(user.id, '2024-06-01');
    const claim = await store.claimDelivery(saved.id, { now: new Date(), leaseMs: 900000, maxAttempts: 6, retryDelayMs: () => 0 });
    await store.close();
    console.log(JSON.stringify({ userCreated: created, briefCreated: brief !== undefined, claimed: claim !== undefined }));
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let signalReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (signalReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.startsWith('ready\n')) signalReady();
  });
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const result = new Promise<RaceResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`racer exited ${code}: ${err}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as RaceResult);
    });
  });
  // A racer that dies before it is ready fails the test through `result`, not by hanging on `ready`.
  return { ready: Promise.race([ready, result.then(() => {})]), go: () => child.stdin.end('go\n'), result };
}

describe('one SQLite file shared by several processes', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterEach(async () => {
    await db.dispose();
  });

  it('migrates once, and exactly one process adds the user, creates the brief and claims it', async () => {
    const racers = [1, 2, 3, 4].map(() => racer(db.dataDir));
    await Promise.all(racers.map((r) => r.ready));
    for (const r of racers) r.go();
    const results = await Promise.all(racers.map((r) => r.result));
    expect(results.filter((r) => r.userCreated)).toHaveLength(1);
    expect(results.filter((r) => r.briefCreated)).toHaveLength(1);
    expect(results.filter((r) => r.claimed)).toHaveLength(1);
    const store = await openStore(db.options);
    expect(await store.listDeliveries(10)).toMatchObject([{ status: 'sending', attempts: 1 }]);
    await store.close();
  });
});
