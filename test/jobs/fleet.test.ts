import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBrief } from '../../src/briefs/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../../src/store/test-harness.js';
import { spawnCli } from '../cli/run-cli.js';
import { startFeedFleet, type FeedFleet } from '../helpers/feed-fleet.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';

const FEEDS = 100;
const USERS = 24;
/** Briefed episodes extracted again, at most. */
const REDO = 20;
const postgres = (await testDialects()).find((d) => d.dialect === 'postgres');

type SendOutput = Array<{ userId: number; send?: { status: string } }>;

interface PollOutput {
  feeds: Array<{ feedId: number; status: string }>;
  episodes: Array<{ episodeId: number; status: string }>;
}

function fleetEnv(db: TestDatabase, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: db.options.databaseUrl ?? '',
    DATA_DIR: db.dataDir,
    ALLOW_PRIVATE_NETWORKS: 'true',
    POLL_CONCURRENCY: '8',
    POLL_PER_HOST_CONCURRENCY: '8',
    FIRST_POLL_EPISODES: '1',
    SECRET_KEY: 'one-secret-for-the-whole-fleet',
    LOG_LEVEL: 'error',
    ...extra,
  };
}

/** `processes` copies of `podbrief <args>` started together on one database; their JSON outputs. */
async function together<T>(processes: number, args: string[], env: Record<string, string>): Promise<T[]> {
  const runs = await Promise.all(Array.from({ length: processes }, () => spawnCli(args, env)));
  return runs.map((r) => {
    // poll exits 1 when a feed failed; its JSON on stdout says which and why.
    expect(r.code, r.stderr || r.stdout).toBe(0);
    return JSON.parse(r.stdout) as T;
  });
}

const pollTogether = (processes: number, db: TestDatabase, args: string[]) =>
  together<PollOutput>(processes, ['poll', '--json', ...args], fleetEnv(db));

async function withFeeds(db: TestDatabase, urls: string[]): Promise<Store> {
  const store = await openStore(db.options);
  for (const url of urls) await store.addFeed(url);
  return store;
}

/**
 * Several `podbrief poll` processes on one PostgreSQL database share the work instead of repeating
 * it: each feed is requested once, each episode extracted once (counted at the feed server and in
 * what the processes report and store).
 */
describe.skipIf(postgres?.skip !== false)(`several poll processes on one PostgreSQL database`, () => {
  let fleet: FeedFleet;
  const dbs: TestDatabase[] = [];
  const stores: Store[] = [];

  beforeAll(async () => {
    fleet = await startFeedFleet(FEEDS, 40);
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    for (const db of dbs) await db.dispose();
    await fleet?.close();
  });

  async function freshDatabase(): Promise<{ db: TestDatabase; store: Store }> {
    const db = await createTestDatabase('postgres');
    dbs.push(db);
    const store = await withFeeds(db, fleet.feedUrls);
    stores.push(store);
    return { db, store };
  }

  for (const processes of [2, 3]) {
    it(`${processes} processes request each of ${FEEDS} feeds once`, { timeout: 120_000 }, async () => {
      const { db } = await freshDatabase();
      const before = fleet.feedRequests();
      const started = Date.now();
      const outputs = await pollTogether(processes, db, ['--no-extract']);
      const requests = fleet.feedRequests() - before;
      const polled = outputs.map((o) => o.feeds.length);
      console.log(
        `poll, ${processes} processes: ${requests} feed requests for ${FEEDS} feeds (${(requests / FEEDS).toFixed(2)} per feed), ` +
          `polled per process ${polled.join('/')}, ${Date.now() - started} ms`,
      );
      expect(requests).toBe(FEEDS);
      expect(polled.reduce((a, b) => a + b, 0)).toBe(FEEDS);
    });
  }

  /** The database the extraction test filled, for the day that follows it. */
  let day: { db: TestDatabase; store: Store } | undefined;

  it('3 processes extract each episode once', { timeout: 180_000 }, async () => {
    const { db, store } = await freshDatabase();
    day = { db, store };
    const before = fleet.transcriptRequests();
    const started = Date.now();
    const outputs = await pollTogether(3, db, []);
    const transcripts = fleet.transcriptRequests() - before;
    const episodes = (await Promise.all((await store.listFeeds()).map((f) => store.episodesByFeed(f.id)))).flat();
    const extracted = outputs.flatMap((o) => o.episodes.filter((e) => e.status === 'extracted'));
    const insights = (await Promise.all(episodes.map((e) => store.insightsByEpisode(e.id)))).flat();
    const highestId = Math.max(...insights.map((i) => i.id));
    console.log(
      `poll+extract, 3 processes: ${episodes.length} episodes, ${extracted.length} extractions, ` +
        `${transcripts} transcript requests, ${insights.length} insights stored, highest insight id ${highestId}, ` +
        `${Date.now() - started} ms`,
    );
    expect(episodes).toHaveLength(FEEDS);
    expect(episodes.every((e) => e.status === 'extracted')).toBe(true);
    expect(extracted).toHaveLength(episodes.length);
    expect(new Set(extracted.map((e) => e.episodeId)).size).toBe(episodes.length);
    expect(transcripts).toBeGreaterThan(0);
    expect(fleet.mostRequestsForOneTranscript()).toBe(1);
    // Ids are never reused: a higher id than the count means insights were written and thrown away.
    expect(highestId).toBe(insights.length);
  });

  it('3 send processes mail each subscriber one brief, counted at a real SMTP server', {
    timeout: 180_000,
  }, async () => {
    if (!day) throw new Error('needs the extraction test before it');
    const { db, store } = day;
    const topics = ['databases', 'open-source AI', 'sleep', 'exercise', 'pricing', 'hiring', 'AI evaluation'];
    for (let n = 0; n < USERS; n += 1)
      await store.addUser({ email: `reader${n}@example.com`, interests: [topics[n % topics.length] as string] });
    const smtp = await startSmtpSink();
    try {
      const outputs = await together<SendOutput>(3, ['send', '--now', '--json'], fleetEnv(db, { SMTP_URL: smtp.url }));
      const sent = outputs.flat().filter((r) => r.send?.status === 'sent');
      const perRecipient = new Map<string, number>();
      for (const m of smtp.messages) for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
      console.log(
        `send, 3 processes: ${smtp.messages.length} mails for ${USERS} subscribers, sent per process ` +
          outputs.map((o) => o.filter((r) => r.send?.status === 'sent').length).join('/'),
      );
      expect(smtp.messages).toHaveLength(USERS);
      expect(sent).toHaveLength(USERS);
      expect([...perRecipient.values()].every((count) => count === 1)).toBe(true);
      expect(perRecipient.size).toBe(USERS);
      const deliveries = await store.listDeliveries(USERS * 2);
      expect(deliveries.map((d) => [d.status, d.attempts, d.possibleDuplicates])).toEqual(
        Array.from({ length: USERS }, () => ['sent', 1, 0]),
      );
    } finally {
      await smtp.close();
    }
  });

  it('episodes done again by 3 processes keep their insights: briefs still resolve, nothing is news again', {
    timeout: 180_000,
  }, async () => {
    if (!day) throw new Error('needs the tests before it');
    const { db, store } = day;
    const before = await store.insightsSince(new Date(0));
    const users = await store.listUsers();
    const briefs = (await Promise.all(users.map((u) => store.latestBrief(u.id)))).filter((b) => b !== undefined);
    expect(briefs).toHaveLength(USERS);
    // As a queue delivering finished extraction jobs again would: the briefed episodes (some of
    // them, to keep the run short) are to be extracted anew.
    const client = new pg.Client({ connectionString: db.options.databaseUrl });
    await client.connect();
    const redo = await client.query(
      `update episodes set status = 'transcribed' where id in (select i.episode_id from insights i
       join brief_insights b on b.insight_id = i.id group by i.episode_id order by i.episode_id limit ${REDO})`,
    );
    await client.end();
    const redone = redo.rowCount ?? 0;
    expect(redone).toBeGreaterThan(0);

    const outputs = await pollTogether(3, db, []);
    const extracted = outputs.flatMap((o) => o.episodes.filter((e) => e.status === 'extracted'));
    expect(extracted).toHaveLength(redone);
    expect(new Set(extracted.map((e) => e.episodeId)).size).toBe(redone);

    const after = await store.insightsSince(new Date(0));
    const key = (i: { id: number; text: string; extractedAt: string }) => `${i.id} ${i.extractedAt} ${i.text}`;
    expect(after.map(key).sort()).toEqual(before.map(key).sort());
    let dangling = 0;
    for (const brief of briefs)
      for (const item of brief.items) if (!(await store.insightById(item.insightId))) dangling += 1;

    // The next day's briefs repeat nothing a subscriber already read.
    const nextDay = new Date(Date.parse(`${briefs[0]!.date}T12:00:00Z`) + 86_400_000);
    let repeats = 0;
    let composed = 0;
    for (const brief of briefs) {
      const user = users.find((u) => u.id === brief.userId)!;
      const got = new Set(brief.items.map((i) => i.text));
      const outcome = await composeBrief({ store }, user, nextDay.toISOString().slice(0, 10), {
        size: 5,
        relatedPerInsight: 0,
        now: nextDay,
      });
      if (outcome.status !== 'created') continue;
      composed += 1;
      repeats += outcome.brief.items.filter((i) => got.has(i.text)).length;
    }
    console.log(
      `re-extraction by 3 processes: ${extracted.length} extractions, ${dangling} dangling brief items, ` +
        `${repeats} items repeated word for word in ${composed} next-day briefs`,
    );
    expect(dangling).toBe(0);
    expect(repeats).toBe(0);
  });
});
