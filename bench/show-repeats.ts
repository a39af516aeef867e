/**
 * What finding a show's repeated word runs costs a processing run: store calls and CPU time for
 * `NEW` new episodes of a show that already has `STORED` transcripts of ~8,000 words each.
 * Once shared by the run's episodes (as processEpisodes and a queue worker's jobs share it), once
 * made afresh per episode (as queue jobs did before they shared one).
 *
 *   npx tsx bench/show-repeats.ts [STORED=40] [NEW=20]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { showTranscriptRepeats } from '../src/jobs/tasks/show-repeats.js';
import type { Transcript } from '../src/model/transcript.js';
import { openStore } from '../src/store/open-store.js';
import { parsedEpisode } from '../src/store/test-fixtures.js';
import type { Store } from '../src/store/types.js';

const STORED = Number(process.argv[2] ?? 40);
const NEW = Number(process.argv[3] ?? 20);
const WORDS = 8_000;

/** ~8,000 words from a 3,000-word vocabulary, with the show's 60-word ad read in the middle. */
function transcript(seed: number): Transcript {
  let x = seed * 7919 + 1;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x;
  };
  const words = Array.from({ length: WORDS }, () => `w${next() % 3000}`);
  const ad = Array.from({ length: 60 }, (_, i) => `ad${i}`);
  words.splice(WORDS / 2, 0, ...ad);
  const segments = [];
  for (let i = 0; i < words.length; i += 40)
    segments.push({ start: i, end: i + 40, text: words.slice(i, i + 40).join(' ') });
  return { segments, source: 'published:text', hash: `t${seed}` };
}

/** The store with every call counted by name. */
function counted(store: Store): { store: Store; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const proxy = new Proxy(store, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(name), (calls.get(String(name)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

const dir = await mkdtemp(join(tmpdir(), 'podbrief-bench-repeats-'));
const store = await openStore({ dataDir: dir });
try {
  const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString();
  for (const mode of ['one per run', 'a fresh one per episode'] as const) {
    const { feed } = await store.addFeed(`https://example.com/${mode.replaceAll(' ', '-')}.xml`);
    await store.upsertEpisodes(
      feed.id,
      Array.from({ length: STORED + NEW }, (_, i) => parsedEpisode(`e${i}`, { publishedAt: day(i) })),
      new Date(),
    );
    const episodes = [...(await store.episodesByFeed(feed.id))].sort((a, b) =>
      a.guid.localeCompare(b.guid, 'en', { numeric: true }),
    );
    for (const e of episodes.slice(0, STORED)) await store.saveTranscript(e.id, transcript(e.id));
    const fresh = episodes.slice(STORED);
    const { store: countedStore, calls } = counted(store);
    let shared = showTranscriptRepeats({ store: countedStore });
    let hits = 0;
    let askingUs = 0;
    const cpu = process.cpuUsage();
    for (const episode of fresh) {
      if (mode === 'a fresh one per episode') shared = showTranscriptRepeats({ store: countedStore });
      const text = transcript(episode.id);
      // As processEpisode does (not counted: it is the run's own write).
      await store.saveTranscript(episode.id, text);
      await shared.remember(episode, text);
      const asking = process.cpuUsage();
      const repeats = await shared.repeats(episode);
      // What recurringSentences asks: one look-up per 8-word run of the episode.
      for (let i = 0; i < WORDS; i += 1) if (repeats.has(i)) hits += 1;
      const asked = process.cpuUsage(asking);
      askingUs += asked.user + asked.system;
    }
    const { user, system } = process.cpuUsage(cpu);
    const total = [...calls.values()].reduce((a, b) => a + b, 0);
    console.log(
      `${mode}: ${STORED} stored + ${NEW} new episodes: ${total} store calls (${[...calls].map(([k, v]) => `${k} ${v}`).join(', ')}), ` +
        `${((user + system) / 1000).toFixed(0)} ms CPU, of which ${(askingUs / 1000).toFixed(0)} ms asking for repeats${hits < 0 ? '' : ''}`,
    );
  }
} finally {
  await store.close();
  await rm(dir, { recursive: true, force: true });
}
