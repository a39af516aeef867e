import type { Transcript } from '../../model/transcript.js';
import type { EpisodeDoc } from '../document/index.js';

/**
 * Word runs this long that recur across a show's episodes are its furniture: the ad read, the
 * intro and outro, the jingle's words. Chance repeats of everyday speech are rarely this long.
 */
const SHINGLE_WORDS = 8;
/** Seen in at least this many of the show's other episodes. */
const MIN_EPISODES = 2;
/** A sentence is the show's furniture when recurring runs cover at least this share of its words. */
const COVERED_SHARE = 0.5;

/** A show's word runs (as hashes) that recur across its other episodes. */
export interface ShowRepeats {
  /** Whether the run recurs in at least MIN_EPISODES of the show's other episodes. */
  has(shingle: number): boolean;
  /** No run can recur: nothing to look for. */
  readonly empty: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** FNV-1a over the run's words, folded to a safe integer (two 32-bit halves). */
function hashRun(words: string[], from: number): number {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = from; i < from + SHINGLE_WORDS; i += 1) {
    const w = words[i] ?? '';
    for (let k = 0; k < w.length; k += 1) {
      const c = w.charCodeAt(k);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    a = Math.imul(a ^ 32, 0x01000193);
    b = Math.imul(b ^ 32, 0x5bd1e995);
  }
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}

/** The distinct word runs of one episode's transcript. */
export function episodeShingles(transcript: Transcript): Set<number> {
  const words = wordsOf(transcript.segments.map((s) => s.text).join(' '));
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i += 1) out.add(hashRun(words, i));
  return out;
}

/** The runs found in at least two of the show's other episodes (each given as its shingles). */
export function showRepeats(otherEpisodes: Iterable<ReadonlySet<number>>): ShowRepeats {
  const seen = new Map<number, number>();
  const shingles = new Set<number>();
  for (const episode of otherEpisodes)
    for (const h of episode) {
      const n = (seen.get(h) ?? 0) + 1;
      seen.set(h, n);
      if (n >= MIN_EPISODES) shingles.add(h);
    }
  return { has: (h) => shingles.has(h), empty: shingles.size === 0 };
}

/**
 * A show's episodes' runs, counted once as each is added: an episode's repeats are read off the
 * counts (less its own), so k episodes of a show cost k additions, not k recounts of all the others.
 */
export class ShowShingles {
  private readonly byEpisode = new Map<number, ReadonlySet<number>>();
  /** Run → how many of the show's episodes have it. */
  private readonly episodesWith = new Map<number, number>();

  /** Adds the episode's runs, or replaces them when it was added before. */
  set(episodeId: number, shingles: ReadonlySet<number>): void {
    for (const h of this.byEpisode.get(episodeId) ?? []) this.episodesWith.set(h, (this.episodesWith.get(h) ?? 1) - 1);
    this.byEpisode.set(episodeId, shingles);
    for (const h of shingles) this.episodesWith.set(h, (this.episodesWith.get(h) ?? 0) + 1);
  }

  /** What the show's other episodes repeat, as the counts stand when asked (no copy is made). */
  repeatsFor(episodeId: number): ShowRepeats {
    const own = this.byEpisode.get(episodeId);
    return {
      has: (h) => (this.episodesWith.get(h) ?? 0) - (own?.has(h) ? 1 : 0) >= MIN_EPISODES,
      empty: this.byEpisode.size - (own ? 1 : 0) < MIN_EPISODES,
    };
  }
}

/** Per sentence: whether it is mostly words the show repeats across its episodes. */
export function recurringSentences(doc: EpisodeDoc, repeats: ShowRepeats | undefined): boolean[] {
  const out = new Array<boolean>(doc.sentences.length).fill(false);
  if (!repeats || repeats.empty) return out;
  const words: string[] = [];
  const sentenceOf: number[] = [];
  doc.sentences.forEach((s, k) => {
    for (const w of wordsOf(doc.layout.text.slice(s.charStart, s.charEnd))) {
      words.push(w);
      sentenceOf.push(k);
    }
  });
  const covered = new Uint8Array(words.length);
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i += 1)
    if (repeats.has(hashRun(words, i))) covered.fill(1, i, i + SHINGLE_WORDS);
  const total = new Array<number>(doc.sentences.length).fill(0);
  const hit = new Array<number>(doc.sentences.length).fill(0);
  sentenceOf.forEach((k, i) => {
    total[k] = (total[k] ?? 0) + 1;
    hit[k] = (hit[k] ?? 0) + (covered[i] ?? 0);
  });
  return out.map((_, k) => (total[k] ?? 0) > 0 && (hit[k] ?? 0) / (total[k] ?? 1) >= COVERED_SHARE);
}
