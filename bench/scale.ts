/**
 * Scale mode: poll and extract N feeds (one fresh episode each, with a published transcript) from a
 * loopback host that adds 50 ms to every request, with 1 and with 3 `podbrief worker` processes on
 * one PostgreSQL database. One scheduler tick queues the due feeds (enqueueDue, what the acting
 * scheduler runs); each poll-feed job queues its feed's new episode. Prints feeds/s and episodes/s
 * for each, the 3-to-1 ratio (goal ≥ 2.5×), feed requests per feed (goal 1.0) and jobs/s; per queue
 * the jobs running at once on average (against the slots: WORKER_*_CONCURRENCY × workers); the CPU
 * time per feed of the workers, of their PostgreSQL backends and of this process with the farm (from
 * /proc; the workers' share off their main thread, V8's JIT compilation and GC, which every process
 * pays for itself while it warms up), the transactions per feed, the PostgreSQL backends serving the
 * run, and the feeds/s all cores could do at that cost. On a machine
 * with few cores, or shared (the load average is printed), the ratio is capped by that ceiling.
 *
 *   npm run bench:scale [-- --feeds 2000 --workers 1,3 --delay 50 --jobs all|poll --cpu-prof DIR]
 *   PODBRIEF_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) is where a
 *   throwaway database per run is created and dropped.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/index.js';
import { openJobQueue } from '../src/jobs/queue/index.js';
import { enqueueDue } from '../src/jobs/queue/enqueue-due.js';
import { startCli } from '../test/helpers/cli-process.js';
import { startFeedFarm } from '../test/helpers/feed-farm.js';

const { values: args } = parseArgs({
  options: {
    feeds: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '1,3' },
    delay: { type: 'string', default: '50' },
    // poll: workers take poll-feed jobs only (the I/O-bound half); all: poll and extract.
    jobs: { type: 'string', default: 'all' },
    // Writes a V8 CPU profile of each worker process into this directory (node --cpu-prof).
    'cpu-prof': { type: 'string' },
  },
});
const FEEDS = Number(args.feeds);
const WORKER_COUNTS = args.workers.split(',').map(Number);
const DELAY_MS = Number(args.delay);
const POLL_ONLY = args.jobs === 'poll';
const CORES = availableParallelism();
const adminUrl = process.env['PODBRIEF_BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Run {
  workers: number;
  feedsPerSecond: number;
  episodesPerSecond: number;
  jobsPerSecond: number;
  feedRequestsPerFeed: number;
  transcriptRequestsPerEpisode: number;
  seconds: number;
  /** CPU seconds (user + system) during the run: all workers, the bench with its feed farm, PostgreSQL. */
  cpu: { workers: number; workersHelperThreads: number; benchAndFarm: number; postgres: number };
  /** PostgreSQL backends serving the run at its end, how many of them connected during it, and how many connected in all (sampled). */
  backends: { total: number; new: number; connected: number };
  /** Transactions committed in the run's database (each autocommit statement is one). */
  transactions: number;
}

/** User + system CPU seconds a process has used so far, from /proc/<pid>/stat (0 once it is gone). */
function processCpuSeconds(pid: number, statPath = `/proc/${pid}/stat`): number {
  try {
    // Fields after the command name (which may hold spaces): utime is the 14th field, stime the 15th.
    const stat = readFileSync(statPath, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
/**
 * The part of processCpuSeconds spent on threads other than the main one: in a worker these are V8's
 * (concurrent JIT compilation, garbage collection) and libuv's pool. Warm-up that every process pays
 * for itself shows here.
 */
function helperThreadsCpuSeconds(pid: number): number {
  let total = 0;
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  for (const tid of tids)
    if (Number(tid) !== pid) total += processCpuSeconds(Number(tid), `/proc/${pid}/task/${tid}/stat`);
  return total;
}
/** USER_HZ: 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

function benchCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/** The PostgreSQL backends serving the run's database (the server is shared with other work). */
async function backendPids(client: pg.Client, dbName: string): Promise<number[]> {
  const { rows } = await client.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [dbName]);
  return rows.map((r) => r.pid);
}

async function transactionsIn(client: pg.Client, dbName: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    'select xact_commit as n from pg_stat_database where datname = $1',
    [dbName],
  );
  return Number(rows[0]?.n ?? 0);
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function run(workers: number): Promise<Run> {
  const dbName = `podbrief_bench_scale_${randomBytes(4).toString('hex')}`;
  await admin(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'podbrief-bench-scale-'));
  const farm = await startFeedFarm({ feeds: FEEDS, delayMs: DELAY_MS });
  const env = {
    DATABASE_URL: url.toString(),
    DATA_DIR: dataDir,
    ALLOW_PRIVATE_NETWORKS: 'true',
    SECRET_KEY: 'bench-scale-secret-key-0123456789',
    LOG_LEVEL: 'error',
    // Every feed of the bench is on one host (127.0.0.1): the per-host limit would be the whole story.
    POLL_PER_HOST_CONCURRENCY: '64',
  };
  const app = await createApp(loadConfig({ env }));
  const procs: ReturnType<typeof startCli>[] = [];
  try {
    const queue = await openJobQueue(app);
    for (const feedUrl of farm.feedUrls) await app.store.addFeed(feedUrl);
    const workerArgs = POLL_ONLY ? ['worker', '--queues', 'poll-feed'] : ['worker'];
    const workerEnv = args['cpu-prof']
      ? { ...env, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${args['cpu-prof']}` }
      : env;
    for (let i = 0; i < workers; i++) procs.push(startCli(workerArgs, workerEnv));
    await Promise.all(procs.map((p) => p.waitFor(/Podbrief worker running/, 180_000)));

    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    const sum = (pids: number[]) => pids.reduce((total, pid) => total + processCpuSeconds(pid), 0);
    const workerPids = procs.map((p) => p.child.pid ?? 0);
    // A backend that connects later counts whole; one gone before the end up to its last sample (below).
    const helpers = (pids: number[]) => pids.reduce((total, pid) => total + helperThreadsCpuSeconds(pid), 0);
    const cpuAtStart = {
      workers: sum(workerPids),
      workersHelperThreads: helpers(workerPids),
      benchAndFarm: benchCpuSeconds(),
      postgres: new Map((await backendPids(client, dbName)).map((pid) => [pid, processCpuSeconds(pid)])),
    };
    const transactionsAtStart = await transactionsIn(client, dbName);
    // The last CPU time read of every backend seen: one that disconnects during the run (a pool
    // dropping an idle connection) counts up to its last sample instead of not at all.
    const backendCpu = new Map(cpuAtStart.postgres);
    let backendsSeen = backendCpu.size;
    const sampleBackends = async () => {
      for (const pid of await backendPids(client, dbName)) {
        const seconds = processCpuSeconds(pid);
        if (!backendCpu.has(pid)) {
          backendsSeen++;
          backendCpu.set(pid, seconds);
        } else if (seconds > 0) backendCpu.set(pid, seconds);
      }
    };
    const start = performance.now();
    await enqueueDue(app, queue.enqueue, new Date());
    let feedsDone = 0;
    for (;;) {
      const { rows } = await client.query<{ polled: string; extracted: string; open: string }>(
        `select (select count(*) from feeds where last_polled_at is not null) as polled,
                (select count(*) from episodes where status in ('extracted', 'failed')) as extracted,
                (select count(*) from ${app.config.queueSchema}.job where state in ('created', 'retry', 'active')) as open`,
      );
      const row = rows[0]!;
      if (!feedsDone && Number(row.polled) >= FEEDS) feedsDone = performance.now();
      if (feedsDone && (POLL_ONLY || (Number(row.extracted) >= FEEDS && Number(row.open) === 0))) break;
      await sampleBackends();
      await new Promise((r) => setTimeout(r, 100));
    }
    const end = performance.now();
    await sampleBackends();
    const backendsAtEnd = await backendPids(client, dbName);
    const cpu = {
      workers: sum(workerPids) - cpuAtStart.workers,
      workersHelperThreads: helpers(workerPids) - cpuAtStart.workersHelperThreads,
      benchAndFarm: benchCpuSeconds() - cpuAtStart.benchAndFarm,
      postgres: [...backendCpu].reduce(
        (total, [pid, seconds]) => total + seconds - (cpuAtStart.postgres.get(pid) ?? 0),
        0,
      ),
    };
    const { rows: jobRows } = await client.query<{ n: string }>(
      `select count(*) as n from ${app.config.queueSchema}.job where state = 'completed' and name in ('poll-feed', 'process-episode')`,
    );
    const { rows: episodeRows } = await client.query<{ n: string }>(
      `select count(*) as n from episodes where status = 'extracted'`,
    );
    const { rows: timing } = await client.query<{
      name: string;
      n: string;
      run_ms: string;
      wait_ms: string;
      running: string;
    }>(
      // running: jobs of the queue running at once on average, from its first start to its last completion.
      `select name, count(*) as n, avg(extract(epoch from completed_on - started_on)) * 1000 as run_ms,
              avg(extract(epoch from started_on - created_on)) * 1000 as wait_ms,
              sum(extract(epoch from completed_on - started_on))
                / greatest(extract(epoch from max(completed_on) - min(started_on)), 0.001) as running
         from ${app.config.queueSchema}.job where state = 'completed' group by name order by name`,
    );
    for (const t of timing)
      console.log(
        `  ${t.name}: ${t.n} jobs, ${Number(t.run_ms).toFixed(0)} ms running, ${Number(t.wait_ms).toFixed(0)} ms queued on average, ` +
          `${Number(t.running).toFixed(1)} running at once`,
      );
    // Backends report their counts to the statistics at most once a second.
    await new Promise((r) => setTimeout(r, 1500));
    const transactions = (await transactionsIn(client, dbName)) - transactionsAtStart;
    await client.end();
    await queue.stop();
    const feedRequests = [...farm.feedRequests.values()].reduce((a, b) => a + b, 0);
    const episodes = Number(episodeRows[0]!.n);
    return {
      workers,
      feedsPerSecond: FEEDS / ((feedsDone - start) / 1000),
      episodesPerSecond: episodes / ((end - start) / 1000),
      jobsPerSecond: Number(jobRows[0]!.n) / ((end - start) / 1000),
      feedRequestsPerFeed: feedRequests / FEEDS,
      transcriptRequestsPerEpisode: farm.transcriptRequests / Math.max(1, episodes),
      seconds: (end - start) / 1000,
      cpu,
      backends: {
        total: backendsAtEnd.length,
        new: backendsAtEnd.filter((pid) => !cpuAtStart.postgres.has(pid)).length,
        connected: backendsSeen - cpuAtStart.postgres.size,
      },
      transactions,
    };
  } finally {
    for (const p of procs) p.child.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await app.close();
    await farm.close();
    await admin(`drop database if exists ${dbName} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(
  `bench:scale: ${FEEDS} feeds (1 episode each, published transcript), +${DELAY_MS} ms per request, ` +
    `workers ${WORKER_COUNTS.join(' and ')}${POLL_ONLY ? ' taking poll-feed jobs only' : ''}, ${CORES} cores, load average ${loadavg()[0]!.toFixed(1)}`,
);
const runs: Run[] = [];
for (const workers of WORKER_COUNTS) {
  const r = await run(workers);
  runs.push(r);
  console.log(
    `${r.workers} worker(s): ${r.feedsPerSecond.toFixed(1)} feeds/s, ${r.episodesPerSecond.toFixed(1)} episodes/s, ` +
      `${r.jobsPerSecond.toFixed(1)} jobs/s, ${r.feedRequestsPerFeed.toFixed(3)} feed requests/feed, ` +
      `${r.transcriptRequestsPerEpisode.toFixed(3)} transcript requests/episode, ${r.seconds.toFixed(1)} s`,
  );
  const perFeed = (seconds: number) => `${((seconds / FEEDS) * 1000).toFixed(1)} ms`;
  const what = POLL_ONLY ? 'feed' : 'feed and its episode';
  console.log(
    `  CPU per ${what}: workers ${perFeed(r.cpu.workers)} (${perFeed(r.cpu.workersHelperThreads)} of it off the main thread: JIT, GC), ` +
      `PostgreSQL ${perFeed(r.cpu.postgres)}, ` +
      `bench+farm ${perFeed(r.cpu.benchAndFarm)}; ${((r.cpu.workers + r.cpu.postgres + r.cpu.benchAndFarm) / r.seconds).toFixed(2)} ` +
      `of ${CORES} cores busy with the run; ${(r.transactions / FEEDS).toFixed(1)} PostgreSQL transactions per ${what}; ` +
      `${r.backends.total} PostgreSQL backends (${r.backends.new} connected during the run; ${r.backends.connected} connected in all, ` +
      `some gone by its end)`,
  );
  // What the whole machine could do at this CPU cost: a ratio near this bound is capped by the cores.
  const cpuPerFeed = (r.cpu.workers + r.cpu.postgres + r.cpu.benchAndFarm) / FEEDS;
  console.log(`  all ${CORES} cores at this CPU cost: ${(CORES / cpuPerFeed).toFixed(1)} feeds/s at most`);
}
const one = runs.find((r) => r.workers === 1);
for (const r of runs.filter((x) => x.workers > 1 && one)) {
  console.log(
    `${r.workers} vs 1 worker: feeds/s ×${(r.feedsPerSecond / one!.feedsPerSecond).toFixed(2)}, ` +
      `episodes/s ×${(r.episodesPerSecond / one!.episodesPerSecond).toFixed(2)} (goal ≥ 2.5×)`,
  );
}
// Other work on the machine takes cores from the run: the ratio says little when this is high.
console.log(`load average at the end: ${loadavg()[0]!.toFixed(1)} on ${CORES} cores`);
