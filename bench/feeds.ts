/**
 * Feed parsing: Podbrief's streaming parser against rss-parser and podcast-partytime over every
 * real feed of the shared corpus (MB/s, items, failures, fields found), then one generated 19 MB
 * feed, each parser in a fresh child process: time, peak heap (sampled) and peak RSS growth, and
 * the event-loop delay while Podbrief's parseFeedAsync reads it. Podbrief makes show notes' text
 * when first read, so `podbrief+notes` (the parse, then every episode's notes read) is measured too.
 *   npm run bench:feeds [-- --repeat 7 --mb 19 --old ../main-checkout/src/feeds/parse/parse-feed.ts]
 * --old adds an earlier Podbrief parser (any parse-feed.ts exporting parseFeed) to every table.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { GCProfiler } from 'node:v8';
import { fileURLToPath } from 'node:url';
import RssParser from 'rss-parser';
import { parseFeed, parseFeedAsync } from '../src/feeds/parse/parse-feed.js';
import { generateFeed } from '../src/feeds/parse/test-support/generate-feed.js';
import { corpusPath, requireCorpus } from '../test/corpus.js';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? (process.argv[at + 1] as string) : fallback;
};
const REPEAT = Number(arg('repeat', '7'));
const BIG_MB = Number(arg('mb', '19'));
const OLD = arg('old', process.env.PODBRIEF_OLD_PARSER ?? '');

type Parse = (bytes: Buffer) => Promise<unknown>;
interface Parser {
  name: string;
  parse: Parse;
  items(result: unknown): number;
}

// partytime logs every item without an enclosure through pino unless told otherwise.
process.env.PARTYTIME_LOG ??= 'silent';
const { parseFeed: partytimeParse } = await import('podcast-partytime');
const rssParser = new RssParser();
const podbrief: Parser = {
  name: 'podbrief',
  parse: async (bytes) => parseFeed(bytes),
  items: (r) => (r as { episodes: unknown[] }).episodes.length,
};
/** The same parse, then every episode's show notes read: what a caller reading them all pays. */
const podbriefNotes: Parser = {
  name: 'podbrief+notes',
  parse: async (bytes) => {
    const feed = parseFeed(bytes);
    for (const e of feed.episodes) void e.description;
    return feed;
  },
  items: podbrief.items,
};
const parsers: Parser[] = [podbrief, podbriefNotes];
if (OLD) {
  const old = (await import(resolve(OLD))) as { parseFeed: (b: Buffer) => unknown };
  parsers.push({ name: 'podbrief-old', parse: async (b) => old.parseFeed(b), items: podbrief.items });
}
parsers.push(
  {
    name: 'rss-parser',
    parse: (bytes) => rssParser.parseString(bytes.toString('utf8')),
    items: (r) => (r as { items?: unknown[] }).items?.length ?? 0,
  },
  {
    name: 'partytime',
    parse: async (bytes) => {
      // …and console.warns every item without a guid.
      const { log, warn } = console;
      console.log = console.warn = () => {};
      try {
        const feed = partytimeParse(bytes.toString('utf8'));
        if (!feed) throw new Error('not parsed');
        return feed;
      } finally {
        console.log = log;
        console.warn = warn;
      }
    },
    items: (r) => (r as { items?: unknown[] }).items?.length ?? 0,
  },
);

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const mb = (bytes: number) => bytes / 1e6;

/** Populated leaf fields of a parse result, by path with array indexes folded (`items[].title`). */
function fieldPaths(value: unknown, path = '', into = new Set<string>()): Set<string> {
  // 0 counts as absent: partytime reports a missing duration as 0, rss-parser keeps length="0" as "0".
  if (value === null || value === undefined || value === '' || value === 0 || value === '0') return into;
  if (value instanceof Date) {
    into.add(path);
  } else if (Array.isArray(value)) {
    for (const v of value) fieldPaths(v, `${path}[]`, into);
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) fieldPaths(v, path ? `${path}.${k}` : k, into);
  } else {
    into.add(path);
  }
  return into;
}

/** What a podcast pipeline needs from a feed, and where each parser puts it (any item counts). */
const FACTS: [fact: string, podbrief: string[], rssParser: string[], partytime: string[]][] = [
  ['show title', ['title'], ['title'], ['title']],
  ['show description', ['description'], ['description', 'itunes.summary'], ['description', 'summary']],
  ['show image', ['imageUrl'], ['image.url', 'itunes.image'], ['image.url', 'itunesImage']],
  ['show author', ['author'], ['itunes.author', 'creator'], ['author']],
  ['show language', ['language'], ['language'], ['language']],
  ['podcast:guid', ['podcastGuid'], [], ['guid']],
  ['podcast:locked', ['locked'], [], ['locked']],
  ['new feed URL', ['newFeedUrl'], ['itunes.new-feed-url'], ['itunesNewFeedUrl']],
  ['refresh (ttl / sy:)', ['ttlMinutes'], ['ttl'], ['ttl']],
  ['episode id', ['episodes[].guid'], ['items[].guid', 'items[].id'], ['items[].guid']],
  ['episode title', ['episodes[].title'], ['items[].title'], ['items[].title']],
  ['episode link', ['episodes[].link'], ['items[].link'], ['items[].link']],
  ['episode date', ['episodes[].publishedAt'], ['items[].isoDate'], ['items[].pubDate']],
  [
    'show notes',
    ['episodes[].description'],
    ['items[].content', 'items[].contentSnippet'],
    ['items[].description', 'items[].content', 'items[].summary'],
  ],
  ['audio URL', ['episodes[].audioUrl'], ['items[].enclosure.url'], ['items[].enclosure.url']],
  ['audio type', ['episodes[].audioType'], ['items[].enclosure.type'], ['items[].enclosure.type']],
  ['audio length', ['episodes[].audioLength'], ['items[].enclosure.length'], ['items[].enclosure.length']],
  ['duration', ['episodes[].durationSeconds'], ['items[].itunes.duration'], ['items[].duration']],
  ['episode image', ['episodes[].imageUrl'], ['items[].itunes.image'], ['items[].itunesImage', 'items[].image']],
  [
    'season',
    ['episodes[].season'],
    ['items[].itunes.season'],
    ['items[].itunesSeason', 'items[].podcastSeason.number'],
  ],
  [
    'episode number',
    ['episodes[].episode'],
    ['items[].itunes.episode'],
    ['items[].itunesEpisode', 'items[].podcastEpisode.number'],
  ],
  ['episode type', ['episodes[].episodeType'], ['items[].itunes.episodeType'], ['items[].itunesEpisodeType']],
  ['transcripts', ['episodes[].transcripts[].url'], [], ['items[].podcastTranscripts[].url']],
  ['chapters', ['episodes[].chaptersUrl'], [], ['items[].podcastChapters.url']],
  ['persons', ['episodes[].persons[].name'], [], ['items[].podcastPeople[].name', 'podcastPeople[].name']],
];

function factsFound(parser: string, paths: Set<string>): string[] {
  const column = parser.startsWith('podbrief') ? 1 : parser === 'rss-parser' ? 2 : 3;
  return FACTS.filter((row) => (row[column] as string[]).some((p) => paths.has(p))).map((row) => row[0]);
}

async function heapChild(which: string): Promise<void> {
  // Written by the parent, so generating it adds nothing to this process's peak.
  const bytes = readFileSync(arg('file', ''));
  const parser = parsers.find((p) => p.name === which) as Parser;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const base = process.memoryUsage().heapUsed;
  // A timer sees the heap only when the parse yields; the GC profiler sees it before every
  // collection, synchronous parse or not. The peak is the larger of the two.
  let peakHeap = base;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 1);
  const profiler = new GCProfiler();
  profiler.start();
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const cpuStarted = cpuMs();
  const result = which === 'podbrief-async' ? await parseFeedAsync(bytes) : await parser.parse(bytes);
  const ms = performance.now() - started;
  // Below 100%, other processes had the CPU part of the time: every stall then grows by their turns.
  const cpuShare = (cpuMs() - cpuStarted) / ms;
  delay.disable();
  clearInterval(sampler);
  const gcs = profiler.stop()?.statistics ?? [];
  for (const g of gcs) peakHeap = Math.max(peakHeap, g.beforeGC.heapStatistics.usedHeapSize);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const items = which === 'podbrief-async' ? podbrief.items(result) : parser.items(result);
  console.log(
    JSON.stringify({
      bytes: bytes.length,
      items,
      ms,
      heapGrowth: peakHeap - base,
      gcs: gcs.length,
      p99: delay.percentile(99) / 1e6,
      max: delay.max / 1e6,
      cpuShare,
    }),
  );
}

if (process.argv.includes('--heap-child')) {
  await heapChild(arg('heap-child', 'podbrief'));
  process.exit(0);
}

if (!requireCorpus()) process.exit(0);
const dir = corpusPath('feeds', 'real');
const files = readdirSync(dir)
  .sort()
  .map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) }));
const totalBytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
console.log(
  `corpus: ${files.length} real feeds, ${mb(totalBytes).toFixed(1)} MB; ${REPEAT} timed rounds after a warm-up`,
);

interface Outcome {
  items: number;
  failed: string[];
  fields: Map<string, Set<string>>;
}
const outcomes = new Map<string, Outcome>();
const times = new Map<string, number[]>(parsers.map((p) => [p.name, []]));
// CPU time too: on a shared machine the wall clock also counts the turns other processes took.
const cpuTimes = new Map<string, number[]>(parsers.map((p) => [p.name, []]));
for (let round = 0; round <= REPEAT; round++) {
  // Parsers take turns inside each round so machine noise hits all alike.
  for (const p of round % 2 === 0 ? parsers : [...parsers].reverse()) {
    const outcome: Outcome = { items: 0, failed: [], fields: new Map() };
    const started = performance.now();
    const cpuStarted = cpuMs();
    for (const f of files) {
      try {
        const result = await p.parse(f.bytes);
        if (round === 0) {
          outcome.items += p.items(result);
          outcome.fields.set(f.name, fieldPaths(result));
        }
      } catch {
        if (round === 0) outcome.failed.push(f.name);
      }
    }
    const ms = performance.now() - started;
    if (round === 0) outcomes.set(p.name, outcome);
    else {
      times.get(p.name)?.push(ms);
      cpuTimes.get(p.name)?.push(cpuMs() - cpuStarted);
    }
  }
}

const rate = (name: string, of = times) => mb(totalBytes) / (median(of.get(name) as number[]) / 1000);
const baseRate = rate('rss-parser');
const baseCpuRate = rate('rss-parser', cpuTimes);
console.log('\nparser          MB/s (median)  × rss-parser  CPU-time MB/s  × rss-parser  items found  files failed');
for (const p of parsers) {
  const o = outcomes.get(p.name) as Outcome;
  const cpuRate = rate(p.name, cpuTimes);
  console.log(
    `${p.name.padEnd(15)} ${rate(p.name).toFixed(1).padStart(13)}  ${(rate(p.name) / baseRate).toFixed(2).padStart(10)}  ${cpuRate.toFixed(1).padStart(13)}  ${(cpuRate / baseCpuRate).toFixed(2).padStart(11)}  ${String(o.items).padStart(11)}  ${String(o.failed.length).padStart(12)}${o.failed.length ? `  (${o.failed.join(', ')})` : ''}`,
  );
}
console.log(
  "podbrief makes each episode's show notes (HTML → text) when they are first read, the rest eagerly; podbrief+notes reads them all",
);
for (const name of ['podbrief', 'podbrief+notes']) {
  console.log(
    `goal: ${name} ≥ 3× rss-parser: ${(rate(name) / baseRate).toFixed(2)}× wall clock, ${(rate(name, cpuTimes) / baseCpuRate).toFixed(2)}× CPU time`,
  );
}

const sample = [
  'partytime__podcasting20-pc20rss.xml',
  'gnomepodcasts__linux-unplugged-2020-12-19.xml',
  'fivethirtyeight-politics-archive.rss',
  'feedrs__youtube-atom-mediarss.xml',
  'podcastarchiver__lautsprecher-podlove.xml',
];
console.log('\npodcast facts found (of the 25 a pipeline uses: show, episode, audio, transcripts, …; any item counts)');
console.log(`${'feed'.padEnd(46)}${parsers.map((p) => p.name.padStart(16)).join('')}   raw populated paths`);
const missed = new Map<string, Set<string>>(parsers.map((p) => [p.name, new Set()]));
for (const f of sample) {
  const cells = parsers.map((p) => {
    const paths = outcomes.get(p.name)?.fields.get(f);
    if (!paths) return 'failed'.padStart(16);
    const found = factsFound(p.name, paths);
    const seenByAny = parsers.flatMap((q) => {
      const qp = outcomes.get(q.name)?.fields.get(f);
      return qp ? factsFound(q.name, qp) : [];
    });
    for (const fact of seenByAny) if (!found.includes(fact)) missed.get(p.name)?.add(fact);
    return String(found.length).padStart(16);
  });
  const raw = parsers.map((p) => outcomes.get(p.name)?.fields.get(f)?.size ?? '-').join('/');
  console.log(`${f.padEnd(46)}${cells.join('')}   ${raw}`);
}
for (const p of parsers) {
  const m = [...(missed.get(p.name) as Set<string>)];
  console.log(`  ${p.name} misses what another found: ${m.length ? m.join(', ') : 'nothing'}`);
}

const flood = generateFeed({ items: 60_000, notesWords: 5 });
console.log(
  `\ngenerated feed of 60,000 items (${mb(flood.length).toFixed(1)} MB; Podbrief keeps the first 10,000), median of 3`,
);
for (const p of parsers) {
  const ms: number[] = [];
  let items = 0;
  for (let i = 0; i < (p.name.startsWith('podbrief') ? 3 : 1); i++) {
    const started = performance.now();
    items = p.items(await p.parse(flood));
    ms.push(performance.now() - started);
  }
  console.log(`${p.name.padEnd(15)} ${(median(ms) / 1000).toFixed(2).padStart(6)} s  ${items} items`);
}

console.log(`\ngenerated ${BIG_MB} MB feed, each parser in a fresh process (--expose-gc), median of 3 runs`);
// Peak heap: the most of a 1 ms timer's samples (only while the parse yields) and the GC profiler's
// heap size before each collection, less the heap before the parse; the loop delay is meaningful for
// podbrief-async only (a synchronous parse is one stall as long as its time).
console.log('parser           items   time s  peak heap MB (× feed)  GCs  loop delay p99/max ms  CPU share');
const self = fileURLToPath(import.meta.url);
const bigFile = join(mkdtempSync(join(tmpdir(), 'podbrief-bench-')), 'big.xml');
writeFileSync(bigFile, generateFeed({ bytes: BIG_MB * 1e6 }));
type ChildResult = {
  bytes: number;
  items: number;
  ms: number;
  heapGrowth: number;
  gcs: number;
  p99: number;
  max: number;
  cpuShare: number;
};
const HEAP_RUNS = 3;
for (const name of ['podbrief-async', ...parsers.map((p) => p.name)]) {
  const runs: ChildResult[] = [];
  let failure = '';
  for (let run = 0; run < HEAP_RUNS; run++) {
    const args = ['--expose-gc', '--import', 'tsx', self, '--heap-child', name, '--file', bigFile];
    const child = spawnSync(process.execPath, [...args, ...(OLD ? ['--old', OLD] : [])], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    try {
      runs.push(JSON.parse(line));
    } catch {
      failure = (child.stderr || line).trim().split('\n').slice(-1)[0] ?? '';
    }
  }
  if (runs.length === 0) {
    console.log(`${name.padEnd(15)} failed: ${failure}`);
    continue;
  }
  const m = (key: keyof ChildResult) => median(runs.map((r) => r[key]));
  const heap = `${mb(m('heapGrowth')).toFixed(0).padStart(12)} (${(m('heapGrowth') / m('bytes')).toFixed(2)}×)`;
  console.log(
    `${name.padEnd(15)} ${String(m('items')).padStart(6)}  ${(m('ms') / 1000).toFixed(2).padStart(7)}  ${heap}  ${String(m('gcs')).padStart(4)}  ${`${m('p99').toFixed(0)}/${m('max').toFixed(0)}`.padStart(21)}  ${(m('cpuShare') * 100).toFixed(0).padStart(8)}%`,
  );
  if (name === 'podbrief-async') {
    console.log(
      `  goals: peak heap ${(m('heapGrowth') / m('bytes')).toFixed(2)}× the feed (≤ 3×), loop delay p99 ${m('p99').toFixed(0)} ms (≤ 50 ms)`,
    );
  }
}
rmSync(dirname(bigFile), { recursive: true, force: true });
