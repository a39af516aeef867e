/**
 * Generated but real-text inputs for bench/briefs.ts: insights are consecutive sentence pairs of
 * the shared corpus transcripts (8 to an episode) and episode show notes of the real feeds;
 * subscribers' interests are noun phrases found in the same text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusPath } from '../test/corpus.js';
import { parseFeed } from '../src/feeds/index.js';
import { analyse, isContentToken } from '../src/text/index.js';
import { featureBagOfTokens } from '../src/related/features.js';
import { weightedFeatures } from '../src/related/vectors.js';
import { readTranscriptFile } from '../src/transcripts/index.js';
import type { InsightIndexEntry, InsightWithContext } from '../src/store/types.js';

export interface BenchCorpus {
  insights: InsightWithContext[];
  entries: Map<number, InsightIndexEntry>;
  phrases: string[];
  feedIds: number[];
}

/** A small deterministic PRNG (mulberry32), so every run generates the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Source {
  show: string;
  texts: string[];
  /** Texts per episode. */
  perEpisode: number;
}

async function sources(): Promise<Source[]> {
  const out: Source[] = [];
  for (const dir of readdirSync(corpusPath('eval-public'), { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const t = await readTranscriptFile(corpusPath('eval-public', dir.name, 'transcript.md'));
    out.push({
      show: dir.name.split('-').slice(0, 2).join(' '),
      texts: [t.segments.map((s) => s.text).join(' ')],
      perEpisode: 8,
    });
  }
  for (const file of readdirSync(corpusPath('transcripts')).filter(
    (f) => /\.(vtt|md)$/.test(f) && !f.includes('-es.'),
  )) {
    const t = await readTranscriptFile(corpusPath('transcripts', file));
    out.push({ show: file.split('-')[0] ?? file, texts: [t.segments.map((s) => s.text).join(' ')], perEpisode: 8 });
  }
  for (const file of readdirSync(corpusPath('feeds', 'real'))) {
    try {
      const feed = parseFeed(readFileSync(join(corpusPath('feeds', 'real'), file)));
      const notes = feed.episodes
        .map((e) => (e.description ?? '').slice(0, 600))
        .filter((d) => d.split(' ').length >= 12);
      if (notes.length > 0) out.push({ show: feed.title || file, texts: notes, perEpisode: 1 });
    } catch {
      // Broken feeds are in the corpus on purpose; they have nothing to give here.
    }
  }
  return out;
}

export async function benchCorpus(target: number, now: Date): Promise<BenchCorpus> {
  const random = rng(42);
  const insights: InsightWithContext[] = [];
  const entries = new Map<number, InsightIndexEntry>();
  const phrases = new Set<string>();
  const all = await sources();
  const feedIds: number[] = [];
  // Round-robin over the sources so every show contributes before any runs dry.
  const queues = all.map((s, n) => ({
    s,
    feedId: n + 1,
    texts: [...s.texts],
    passages: [] as Array<{ text: string; terms: Record<string, number> }>,
    episode: 0,
    used: 0,
  }));
  let episodeId = 0;
  while (insights.length < target && queues.some((q) => q.texts.length > 0 || q.passages.length > 0)) {
    for (const q of queues) {
      if (insights.length >= target) break;
      if (q.passages.length === 0 && q.texts.length > 0)
        q.passages = passages(q.texts.shift() ?? '', phrases, q.s.perEpisode === 1);
      const batch = q.passages.splice(0, q.s.perEpisode);
      if (batch.length === 0) continue;
      if (!feedIds.includes(q.feedId)) feedIds.push(q.feedId);
      episodeId += 1;
      const published = new Date(now.getTime() - random() * 2 * 86_400_000).toISOString();
      for (const p of batch) {
        const id = insights.length + 1;
        const words = p.text.split(' ');
        insights.push({
          id,
          episodeId,
          feedId: q.feedId,
          text: p.text,
          headline: words.slice(0, 8).join(' '),
          quote: p.text,
          start: Math.floor(random() * 3000),
          end: 0,
          score: 0.2 + random(),
          podcastTitle: q.s.show,
          episodeTitle: `Episode ${episodeId}`,
          episodeLink: `https://podcasts.example/${q.feedId}/${episodeId}`,
          audioUrl: null,
          publishedAt: published,
          firstSeenAt: published,
          extractedAt: published,
        });
        entries.set(id, { insightId: id, terms: p.terms });
      }
    }
  }
  return { insights, entries, phrases: [...phrases], feedIds };
}

/** Sentence pairs of a text (or the whole text for show notes), with their features and noun phrases. */
function passages(
  text: string,
  phrases: Set<string>,
  whole: boolean,
): Array<{ text: string; terms: Record<string, number> }> {
  const out: Array<{ text: string; terms: Record<string, number> }> = [];
  // wink is fastest on moderate pieces; cut at sentence ends near 20k characters.
  for (const piece of text.match(/[\s\S]{1,20000}(?:[.!?]\s|$)/g) ?? []) {
    const { tokens, sentences } = analyse(piece);
    const spans = whole ? [[0, tokens.length - 1] as [number, number]] : sentences;
    for (let s = 0; s + (whole ? 0 : 1) < spans.length; s += whole ? 1 : 2) {
      const from = spans[s]?.[0] ?? 0;
      const to = (whole ? spans[s]?.[1] : spans[s + 1]?.[1]) ?? from;
      const slice = tokens.slice(from, to + 1);
      const words = slice
        .map((t) => t.space + t.value)
        .join('')
        .trim();
      if (words.split(' ').length < 12) continue;
      const terms: Record<string, number> = {};
      for (const [k, w] of weightedFeatures(featureBagOfTokens(slice))) terms[k] = Math.round(w * 10_000) / 10_000;
      out.push({ text: words, terms });
      collectPhrases(slice, phrases);
    }
  }
  return out;
}

function collectPhrases(tokens: ReturnType<typeof analyse>['tokens'], phrases: Set<string>): void {
  let run: string[] = [];
  const close = () => {
    if (run.length >= 1 && run.length <= 3) phrases.add(run.join(' ').toLowerCase());
    run = [];
  };
  for (const t of tokens) {
    if (isContentToken(t) && (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'ADJ')) run.push(t.value);
    else close();
  }
  close();
}
