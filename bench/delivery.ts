/**
 * Delivery at newsletter speed (issue 14): N subscribers, each with a brief to compose and send, to a
 * real SMTP server (smtp-server, in a child process so its CPU is not counted) on 127.0.0.1, through
 * the real `deliverBriefs`. Prints mails/s, CPU seconds and peak RSS of the pooled run, then the same
 * with one SMTP connection and one send at a time, and with the file outbox, on fresh briefs (each run
 * its own day) in the same process, with the ratios.
 *
 *   npm run bench:delivery [-- --users 10000] [--compare-users 1000] [--pg] [--connections 8] [--concurrency 32]
 *     [--cpu-prof FILE]
 *
 * `--pg` uses a fresh database on PostgreSQL at 127.0.0.1 (BENCH_PG_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { createApp, type App } from '../src/app.js';
import { loadConfig } from '../src/config/index.js';
import { createMailer } from '../src/delivery/index.js';
import { sendDueBriefs } from '../src/jobs/index.js';
import type { SendOutcome } from '../src/delivery/index.js';
import type { Insight } from '../src/model/insight.js';
import { openDatabase } from '../src/store/open-store.js';
import { parsedEpisode } from '../src/store/test-fixtures.js';
import { indexEntryFor } from '../src/related/index.js';

const { values: args } = parseArgs({
  options: {
    users: { type: 'string', default: '10000' },
    'compare-users': { type: 'string', default: '1000' },
    connections: { type: 'string' },
    concurrency: { type: 'string' },
    pg: { type: 'boolean', default: false },
    sink: { type: 'boolean', default: false },
    // Writes a V8 CPU profile of the pooled run alone (not the seeding or module loading) to FILE.
    'cpu-prof': { type: 'string' },
    // With node --expose-gc: every second a full collection, and the most heap still reachable after
    // one (what the run holds, garbage aside); costs throughput, for memory investigations only.
    'live-heap': { type: 'boolean', default: false },
  },
});

/** The SMTP server: counts what it accepts, tells the parent its port and, when asked, the count. */
async function runSink(): Promise<void> {
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    maxClients: 1000,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        accepted += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  process.on('message', (message: string) => {
    if (message === 'count') process.send?.({ accepted, cpu: process.cpuUsage() });
    if (message === 'stop') server.close(() => process.exit(0));
  });
}

async function startSinkProcess(): Promise<{
  url: string;
  child: ChildProcess;
  count(): Promise<number>;
  cpuSeconds(): Promise<number>;
}> {
  const child = fork(process.argv[1] ?? 'bench/delivery.ts', ['--sink'], { stdio: 'inherit' });
  const [ready] = (await once(child, 'message')) as [{ port: number }];
  return {
    url: `smtp://127.0.0.1:${ready.port}`,
    child,
    async count() {
      child.send('count');
      const [answer] = (await once(child, 'message')) as [{ accepted: number }];
      return answer.accepted;
    },
    async cpuSeconds() {
      child.send('count');
      const [answer] = (await once(child, 'message')) as [{ cpu: NodeJS.CpuUsage }];
      return (answer.cpu.user + answer.cpu.system) / 1e6;
    },
  };
}

const TOPICS = [
  ['chips', 'semiconductor', 'fab', 'lithography', 'wafer'],
  ['climate', 'carbon', 'emissions', 'warming', 'glacier'],
  ['football', 'league', 'transfer', 'striker', 'season'],
  ['privacy', 'encryption', 'surveillance', 'tracking', 'browser'],
  ['housing', 'rent', 'mortgage', 'zoning', 'tenants'],
  ['medicine', 'vaccine', 'trial', 'dosage', 'patients'],
  ['space', 'rocket', 'orbit', 'launch', 'satellite'],
  ['music', 'album', 'guitar', 'tour', 'label'],
  ['elections', 'ballot', 'polling', 'turnout', 'campaign'],
  ['cooking', 'recipe', 'fermentation', 'bread', 'spices'],
] as const;

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

/** Insights whose words come from one topic each, so every profile ranks a different top five. */
function insightsFor(episode: number): Insight[] {
  return Array.from({ length: 5 }, (_, k) => {
    const topic = pick(TOPICS, episode * 7 + k * 3);
    const words = topic.map((_, j) => pick(topic, episode + k + j));
    return {
      headline: `${words[0]} ${words[1]} finding ${episode}-${k}`,
      text: `The guest explains how ${words.join(', ')} changed over the last decade, case ${episode}-${k}: ${words[2]} matters more than ${words[3]} for ${words[4]}.`,
      quote: `We saw ${words[1]} and ${words[2]} move together in ${episode}.`,
      start: 30 * k,
      end: 30 * k + 20,
      speaker: 'Ada',
      score: 1 / (k + 1),
    };
  });
}

async function freshPgUrl(): Promise<string> {
  const base = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `bench_delivery_${process.pid}`;
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`drop database if exists ${name}`);
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropPg(databaseUrl: string): Promise<void> {
  const base = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  await client.query(`drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
  await client.end();
}

/** Feeds, episodes and insights through the store; subscribers in bulk (one statement per 500). */
async function seed(app: App, env: Record<string, string>, users: number, now: Date): Promise<void> {
  for (let f = 0; f < 40; f += 1) {
    const { feed } = await app.store.addFeed(`https://shows.example/${f}/feed.xml`);
    const guids = Array.from({ length: 5 }, (_, e) => `f${f}e${e}`);
    const published = (e: number) => new Date(now.getTime() - (e + 1) * 6 * 3_600_000).toISOString();
    await app.store.upsertEpisodes(
      feed.id,
      guids.map((g, e) => parsedEpisode(g, { title: `Show ${f} episode ${e}`, publishedAt: published(e) })),
      new Date(now.getTime() - 86_400_000),
    );
    for (const [e, episode] of (await app.store.episodesByFeed(feed.id)).entries()) {
      const stored = await app.store.replaceInsights(episode.id, insightsFor(f * 5 + e), 'bench');
      // As extraction does: the index entry is stored with the insight.
      await app.store.saveInsightIndex(stored.map(indexEntryFor));
    }
  }
  const { db } = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR ?? '' });
  try {
    const created = new Date(now.getTime() - 7 * 86_400_000).toISOString();
    for (let start = 0; start < users; start += 500) {
      const rows = Array.from({ length: Math.min(500, users - start) }, (_, k) => {
        const i = start + k;
        return {
          email: `reader${i}@inbox${i % 50}.example`,
          interests: JSON.stringify([pick(TOPICS, i)[0], pick(TOPICS, i * 3 + 1)[1]]),
          timezone: 'UTC',
          delivery_hour: 0,
          unsubscribe_token: `bench-${i}`,
          created_at: created,
          confirmed_at: created,
        };
      });
      await db.insertInto('users').values(rows).execute();
    }
  } finally {
    await db.destroy();
  }
}

interface RunFigures {
  label: string;
  users: number;
  sent: number;
  accepted: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  /** RSS when the run started: what the seeding and loading left, for telling the run's own growth. */
  startRssMb: number;
  /** V8 heap in use when the run started (after a full collection with --expose-gc). */
  startHeapUsedMb: number;
  /** V8 heap in use right after the run, before any further collection. */
  heapUsedMb: number;
  /** V8 heap in use after the run and a full collection (only with --expose-gc). */
  retainedHeapMb: number | undefined;
  /** The most V8 heap in use at any sample of the run, and outside it (buffers, SQLite): where RSS went. */
  peakHeapUsedMb: number;
  peakExternalMb: number;
  /** With --live-heap: the most V8 heap reachable at a once-a-second full collection. */
  peakLiveHeapMb: number | undefined;
}

/** Runs `work` under the V8 CPU profiler and writes the profile to `file`. */
async function profiled<T>(file: string, work: () => Promise<T>): Promise<T> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  }
}

/** One delivery run for `userIds` on day `day`, sampling RSS every 50 ms. */
async function run(
  label: string,
  app: App,
  userIds: number[],
  now: Date,
  countAccepted: () => Promise<number>,
): Promise<RunFigures> {
  const acceptedBefore = await countAccepted();
  globalThis.gc?.();
  const startRss = process.memoryUsage.rss();
  const startHeapUsed = process.memoryUsage().heapUsed;
  let peakRss = startRss;
  let peakHeapUsed = 0;
  let peakExternal = 0;
  const sample = () => {
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    peakHeapUsed = Math.max(peakHeapUsed, memory.heapUsed);
    peakExternal = Math.max(peakExternal, memory.external);
  };
  sample();
  const sampler = setInterval(sample, 50);
  let peakLiveHeap: number | undefined;
  const gc = args['live-heap'] ? globalThis.gc : undefined;
  const liveSampler =
    gc &&
    setInterval(() => {
      gc();
      peakLiveHeap = Math.max(peakLiveHeap ?? 0, process.memoryUsage().heapUsed);
    }, 1000);
  const cpu = process.cpuUsage();
  const started = performance.now();
  // Tallied as they come, not kept: the bench holds nothing per subscriber that the run does not.
  let sent = 0;
  let failed = 0;
  let firstFailure: SendOutcome | undefined;
  await sendDueBriefs(app, { now, userIds, ignoreHour: true }, ({ send }) => {
    if (send?.status === 'sent') sent += 1;
    else if (send) {
      failed += 1;
      firstFailure ??= send;
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  if (liveSampler) clearInterval(liveSampler);
  sample();
  if (failed > 0) console.error(`${label}: ${failed} not sent, first:`, firstFailure);
  const heapUsedMb = process.memoryUsage().heapUsed / 2 ** 20;
  // With --expose-gc: what the run left reachable, apart from garbage not yet collected.
  globalThis.gc?.();
  return {
    label,
    users: userIds.length,
    sent,
    accepted: (await countAccepted()) - acceptedBefore,
    seconds,
    cpuSeconds: (used.user + used.system) / 1e6,
    peakRssMb: peakRss / 2 ** 20,
    startRssMb: startRss / 2 ** 20,
    startHeapUsedMb: startHeapUsed / 2 ** 20,
    heapUsedMb,
    retainedHeapMb: globalThis.gc ? process.memoryUsage().heapUsed / 2 ** 20 : undefined,
    peakHeapUsedMb: peakHeapUsed / 2 ** 20,
    peakExternalMb: peakExternal / 2 ** 20,
    peakLiveHeapMb: peakLiveHeap === undefined ? undefined : peakLiveHeap / 2 ** 20,
  };
}

function line(f: RunFigures): string {
  const rate = f.sent / f.seconds;
  return [
    f.label.padEnd(34),
    `${String(f.sent).padStart(6)} sent`,
    `${String(f.accepted).padStart(6)} at server`,
    `${f.seconds.toFixed(1).padStart(6)} s`,
    `${rate.toFixed(0).padStart(5)} mails/s`,
    `CPU ${f.cpuSeconds.toFixed(1).padStart(5)} s (${((1000 * f.cpuSeconds) / Math.max(1, f.sent)).toFixed(2)} ms/mail)`,
    `peak RSS ${f.peakRssMb.toFixed(0)} MB (${f.startRssMb.toFixed(0)} at start, run +${(f.peakRssMb - f.startRssMb).toFixed(0)}; ` +
      `heap used ${f.startHeapUsedMb.toFixed(0)} at start, peak ${f.peakHeapUsedMb.toFixed(0)}, after ${f.heapUsedMb.toFixed(0)}` +
      `${f.retainedHeapMb === undefined ? '' : `, kept ${f.retainedHeapMb.toFixed(0)}`}` +
      `${f.peakLiveHeapMb === undefined ? '' : `, live peak ${f.peakLiveHeapMb.toFixed(0)}`}; external peak ${f.peakExternalMb.toFixed(0)})`,
  ].join('  ');
}

async function main(): Promise<void> {
  const users = Number(args.users);
  const compareUsers = Math.min(users, Number(args['compare-users']));
  const dataDir = mkdtempSync(join(tmpdir(), 'podbrief-bench-delivery-'));
  const sink = await startSinkProcess();
  const databaseUrl = args.pg ? await freshPgUrl() : '';
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    SMTP_URL: sink.url,
    LOG_LEVEL: 'warn',
    PUBLIC_URL: 'https://brief.podbrief.example',
    MAIL_FROM: 'Podbrief <brief@podbrief.example>',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(args.connections ? { SMTP_MAX_CONNECTIONS: args.connections } : {}),
    ...(args.concurrency ? { SEND_CONCURRENCY: args.concurrency } : {}),
  };
  const day = (n: number) => new Date(Date.UTC(2026, 11, 1 + n, 9));
  const app = await createApp(loadConfig({ env }));
  try {
    const seedStarted = performance.now();
    await seed(app, env, users, day(0));
    const ids = (await app.store.listUsers()).map((u) => u.id);
    console.log(
      `delivery bench: ${users} subscribers, 200 episodes × 5 insights, ${args.pg ? 'PostgreSQL' : 'SQLite'}, ` +
        `seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s; SMTP sink (smtp-server) in a child process`,
    );
    const { smtpMaxConnections, sendConcurrency } = app.config;
    const runPooled = () =>
      run(`SMTP ${smtpMaxConnections} connections, ${sendConcurrency} in flight`, app, ids, day(1), sink.count);
    const profileFile = args['cpu-prof'];
    const pooled = await (profileFile ? profiled(profileFile, runPooled) : runPooled());
    console.log(line(pooled));

    const compareIds = ids.slice(0, compareUsers);
    const singleMailer = createMailer({
      smtpUrl: sink.url,
      outboxDir: app.outboxDir,
      smtpThroughput: { maxConnections: 1 },
    });
    const single = await run(
      'SMTP 1 connection, 1 at a time',
      { ...app, mailer: singleMailer, config: { ...app.config, sendConcurrency: 1 } },
      compareIds,
      day(2),
      sink.count,
    );
    await singleMailer.close();
    console.log(line(single));
    const outboxMailer = createMailer({ outboxDir: join(dataDir, 'outbox-bench') });
    const outbox = await run('file outbox', { ...app, mailer: outboxMailer }, compareIds, day(3), async () => 0);
    await outboxMailer.close();
    console.log(line(outbox));
    const rate = (f: RunFigures) => f.sent / f.seconds;
    console.log(
      `ratios: pooled/1-connection ${(rate(pooled) / rate(single)).toFixed(1)}×, pooled/outbox ${(rate(pooled) / rate(outbox)).toFixed(1)}×; ` +
        `goal ≥ 300 mails/s: ${rate(pooled) >= 300 ? 'met' : 'NOT met'} (${rate(pooled).toFixed(0)}/s; ` +
        `${(pooled.sent / pooled.cpuSeconds).toFixed(0)}/s per CPU second of this process, the ceiling on an idle core); ` +
        `process peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB; ` +
        `the SMTP server process used ${(await sink.cpuSeconds()).toFixed(1)} s CPU in all`,
    );
  } finally {
    await app.close();
    sink.child.send('stop');
    await once(sink.child, 'exit');
    if (databaseUrl) await dropPg(databaseUrl);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (args.sink) await runSink();
else await main();
