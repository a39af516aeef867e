import { evidenceWords } from './evidence.js';
import { type TellingEvidence, tellingWeights, topicWords } from './telling-words.js';
import { kthLargest } from './top-k.js';

/**
 * An in-memory index over a pool of insights (e.g. the last 30 days): unit TF-IDF vectors over
 * the stored features, with IDF taken over the pool, and an inverted index from each feature to
 * the insights that have it. Similar items are found by walking the postings of an item's own
 * features, so the cost grows with shared features, not with the pool.
 */
export interface PoolItem {
  id: number;
  episodeId: number;
  feedId: number;
  /** Weighted features as stored in the insight index. */
  terms: Record<string, number>;
  /** Unit or raw embedding from an embeddings endpoint, when there is one. */
  embedding?: number[];
  embeddingModel?: string;
  /**
   * The insight's text, starting with its headline: when given, only words it uses as nouns or
   * names count as telling.
   */
  text?: string;
  /** How many characters of `text` are the headline, which states the theme (TellingEvidence.inHeadlines). */
  headlineLength?: number;
}

/** An item's telling words (see tellingEvidence), found on first use. */
interface TellingFeatures {
  ids: Set<number>;
  norm: number;
  /** Stems its headline uses as nouns or names. */
  headline: Set<string>;
  /** Stems its text uses as names. */
  names: Set<string>;
}

export interface Neighbour {
  index: number;
  score: number;
}

export interface SimilarityThresholds {
  /** Lexical cosine from which two items from different episodes say the same thing. */
  duplicateLexical: number;
  /** Embedding cosine for the same (only used when both items have one from the same model). */
  duplicateEmbedding: number;
}

const DEFAULT_DUPLICATE: SimilarityThresholds = { duplicateLexical: 0.55, duplicateEmbedding: 0.92 };

/** A near-duplicate shares most of its heaviest features: these many propose candidates. */
const DUPLICATE_PROBES = 6;
/** Probing skips features found in more than this share of the pool. */
const COMMON_SHARE = 0.02;
/** Related candidates found through theme words, at most (themeNeighbours). */
const MAX_THEME_NEIGHBOURS = 2_000;
/** Probing computes the exact cosine of this many best partial matches. */
const RESCORED = 40;

export class InsightPool {
  readonly items: PoolItem[];
  readonly termIds = new Map<string, number>();
  /** Per item: sorted feature ids and their unit weights. */
  readonly vecTerms: Int32Array[] = [];
  readonly vecWeights: Float64Array[] = [];
  /** Per feature id: the items that have it and their weights. */
  readonly postings: Array<{ items: number[]; weights: number[] }> = [];
  /** Scratch space for accumulating scores over postings; always left zeroed. */
  readonly scratch: Float64Array;
  /** Scratch marks for callers walking postings (e.g. a profile's); always left zeroed. */
  readonly marks: Uint8Array;
  private readonly seen: Uint8Array;
  readonly embeddings: Array<Float64Array | undefined> = [];
  /** Per feature id: the telling words sharing it names (see evidence.ts); empty for most. */
  private readonly evidence: string[][] = [];
  private readonly byId = new Map<number, number>();
  /** Per feature id: how telling a shared word is (telling-words.ts); per item: the sum of its squares. */
  private readonly telling: Float64Array;
  /** Per item, filled on first use: its telling feature ids and the sum of their squared weights. */
  private readonly tellingOf: Array<TellingFeatures | undefined> = [];

  /** `maxShowShare`: a word in more of the pool's shows than this share is not telling (telling-words.ts). */
  constructor(items: PoolItem[], opts: { maxShowShare?: number } = {}) {
    this.items = items;
    const df = new Map<string, number>();
    const showsOf = new Map<string, Set<number>>();
    for (const item of items)
      for (const k of Object.keys(item.terms)) {
        df.set(k, (df.get(k) ?? 0) + 1);
        const shows = showsOf.get(k) ?? showsOf.set(k, new Set()).get(k)!;
        shows.add(item.feedId);
      }
    const n = items.length;
    items.forEach((item, index) => {
      this.byId.set(item.id, index);
      const entries: Array<[number, number]> = [];
      let sum = 0;
      for (const [k, w] of Object.entries(item.terms)) {
        const x = w * (Math.log((n + 1) / ((df.get(k) ?? 0) + 1)) + 1);
        if (!(x > 0)) continue;
        entries.push([this.termId(k), x]);
        sum += x * x;
      }
      const norm = Math.sqrt(sum) || 1;
      entries.sort((a, b) => a[0] - b[0]);
      const terms = Int32Array.from(entries, (e) => e[0]);
      const weights = Float64Array.from(entries, (e) => e[1] / norm);
      this.vecTerms.push(terms);
      this.vecWeights.push(weights);
      for (let j = 0; j < terms.length; j += 1) {
        const p = this.postings[terms[j] as number] as { items: number[]; weights: number[] };
        p.items.push(index);
        p.weights.push(weights[j] as number);
      }
      this.embeddings.push(item.embedding ? unit(item.embedding) : undefined);
    });
    this.scratch = new Float64Array(n);
    this.seen = new Uint8Array(n);
    this.marks = new Uint8Array(n);
    const keys = this.keys;
    this.telling = tellingWeights(
      keys,
      keys.map((k) => df.get(k) ?? 0),
      keys.map((k) => showsOf.get(k)?.size ?? 0),
      n,
      new Set(items.map((i) => i.feedId)).size,
      opts.maxShowShare,
    );
  }

  private tellingFeatures(index: number): TellingFeatures {
    let out = this.tellingOf[index];
    if (!out) {
      const item = this.items[index];
      const words = item?.text === undefined ? undefined : topicWords(item.text, item.headlineLength ?? 0);
      const ids = new Set<number>();
      let norm = 0;
      for (const t of this.vecTerms[index] as Int32Array) {
        const w = this.telling[t] ?? 0;
        if (w > 0 && (!words || words.topics.has(this.keyOf(t)))) {
          ids.add(t);
          norm += w * w;
        }
      }
      out = { ids, norm, headline: words?.headline ?? new Set(), names: words?.names ?? new Set() };
      this.tellingOf[index] = out;
    }
    return out;
  }

  /** Each feature id's key (termIds the other way round), kept as ids are made. */
  private readonly keys: string[] = [];
  private keyOf(id: number): string {
    return this.keys[id] ?? '';
  }

  get size(): number {
    return this.items.length;
  }

  indexOf(id: number): number | undefined {
    return this.byId.get(id);
  }

  /** The feature id of a key, created on first sight (profiles use ids the pool may not have). */
  termId(key: string): number {
    let id = this.termIds.get(key);
    if (id === undefined) {
      id = this.termIds.size;
      this.termIds.set(key, id);
      this.keys.push(key);
      this.postings.push({ items: [], weights: [] });
      this.evidence.push(evidenceWords(key));
    }
    return id;
  }

  /** How many telling words (see evidence.ts) items a and b share, each counted once. */
  sharedEvidence(a: number, b: number): number {
    const ta = this.vecTerms[a] as Int32Array;
    const tb = this.vecTerms[b] as Int32Array;
    const words = new Set<string>();
    let i = 0;
    let j = 0;
    while (i < ta.length && j < tb.length) {
      const x = ta[i] as number;
      const y = tb[j] as number;
      if (x === y) {
        for (const w of this.evidence[x] ?? []) words.add(w);
        i += 1;
        j += 1;
      } else if (x < y) i += 1;
      else j += 1;
    }
    return words.size;
  }

  /**
   * The telling words items a and b share (telling-words.ts): how many, and their cosine over
   * telling words alone, so the pair's own lengths and the words' weights decide, not the set.
   */
  tellingEvidence(a: number, b: number): TellingEvidence {
    const ta = this.tellingFeatures(a);
    const tb = this.tellingFeatures(b);
    let words = 0;
    let inHeadlines = 0;
    let names = 0;
    let shared = 0;
    for (const t of ta.ids) {
      if (!tb.ids.has(t)) continue;
      words += 1;
      shared += (this.telling[t] ?? 0) ** 2;
      const key = this.keyOf(t);
      if (ta.headline.has(key) && tb.headline.has(key)) inHeadlines += 1;
      if (ta.names.has(key) && tb.names.has(key)) names += 1;
    }
    const norm = Math.sqrt(ta.norm * tb.norm);
    return { words, inHeadlines, names, cosine: norm > 0 ? shared / norm : 0 };
  }

  /**
   * Items of other shows sharing a telling word that item `index` names where it states its theme (headlineLength):
   * every item the related rule can accept with it, as the rule needs such a word named by both
   * (telling-words.ts). The heaviest features that lexicalNeighbours probes miss such a word when it
   * weighs little in a long item ("Trump" beside a guest's name and a book title). The most telling
   * words are walked first, and at most `limit` items are returned, so a theme word shared by a large
   * share of a big pool costs a bounded walk. Otherwise unordered.
   */
  themeNeighbours(index: number, limit = MAX_THEME_NEIGHBOURS): number[] {
    const own = this.tellingFeatures(index);
    const themes = [...own.ids]
      .filter((t) => own.headline.has(this.keyOf(t)))
      .sort((a, b) => (this.telling[b] ?? 0) - (this.telling[a] ?? 0));
    const out: number[] = [];
    const show = this.items[index]?.feedId;
    walk: for (const t of themes)
      for (const other of this.postings[t]?.items ?? []) {
        if (this.seen[other] === 1 || this.items[other]?.feedId === show) continue;
        if (out.length >= limit) break walk;
        this.seen[other] = 1;
        out.push(other);
      }
    for (const other of out) this.seen[other] = 0;
    return out;
  }

  /** Lexical cosine of two items (their vectors are unit length). */
  lexical(a: number, b: number): number {
    const ta = this.vecTerms[a] as Int32Array;
    const tb = this.vecTerms[b] as Int32Array;
    const wa = this.vecWeights[a] as Float64Array;
    const wb = this.vecWeights[b] as Float64Array;
    let i = 0;
    let j = 0;
    let sum = 0;
    while (i < ta.length && j < tb.length) {
      const x = ta[i] as number;
      const y = tb[j] as number;
      if (x === y) sum += (wa[i++] as number) * (wb[j++] as number);
      else if (x < y) i += 1;
      else j += 1;
    }
    return sum;
  }

  /** Embedding cosine when both items have one from the same model, else undefined. */
  semantic(a: number, b: number): number | undefined {
    const ea = this.embeddings[a];
    const eb = this.embeddings[b];
    if (!ea || !eb || ea.length !== eb.length || this.items[a]?.embeddingModel !== this.items[b]?.embeddingModel)
      return undefined;
    let sum = 0;
    for (let i = 0; i < ea.length; i += 1) sum += (ea[i] as number) * (eb[i] as number);
    return sum;
  }

  /** One similarity for ranking neighbours: the embedding cosine when there is one, else lexical. */
  similarity(a: number, b: number): number {
    return this.semantic(a, b) ?? this.lexical(a, b);
  }

  isDuplicate(a: number, b: number, t: SimilarityThresholds = DEFAULT_DUPLICATE): boolean {
    const s = this.semantic(a, b);
    return s !== undefined ? s >= t.duplicateEmbedding : this.lexical(a, b) >= t.duplicateLexical;
  }

  /**
   * Items sharing a feature with `index`, with their lexical cosine, strongest first. With
   * `strongest`, only that many of the item's heaviest features propose candidates (the cosine
   * is still exact): enough to find near-duplicates, far cheaper on a large pool.
   */
  lexicalNeighbours(index: number, limit = Infinity, strongest = Infinity): Neighbour[] {
    const terms = this.vecTerms[index] as Int32Array;
    const weights = this.vecWeights[index] as Float64Array;
    const probe = strongest < terms.length;
    let order = [...terms.keys()];
    if (probe) {
      // A feature most of the pool shares ("think", "people") proposes noise, at great cost.
      const common = Math.max(50, this.size * COMMON_SHARE);
      order = order
        .filter((j) => (this.postings[terms[j] as number]?.items.length ?? 0) <= common)
        .sort((a, b) => (weights[b] as number) - (weights[a] as number))
        .slice(0, strongest);
    }
    const touched: number[] = [];
    for (const j of order) {
      const p = this.postings[terms[j] as number] as { items: number[]; weights: number[] };
      const w = weights[j] as number;
      for (let k = 0; k < p.items.length; k += 1) {
        const other = p.items[k] as number;
        if (other === index) continue;
        if (this.seen[other] === 0) {
          this.seen[other] = 1;
          touched.push(other);
        }
        this.scratch[other] = (this.scratch[other] as number) + w * (p.weights[k] as number);
      }
    }
    // Probing: the partial dot over the probed features picks who gets an exact cosine.
    // Otherwise the dot is exact, and only those that can be among the first `limit` are kept.
    const keep = probe ? RESCORED : limit;
    const cut = touched.length > keep ? kthLargest(this.partialScores(touched), keep) : -Infinity;
    const out: Neighbour[] = [];
    for (const other of touched) {
      const partial = this.scratch[other] as number;
      if (partial >= cut) out.push({ index: other, score: probe ? this.lexical(index, other) : partial });
      this.scratch[other] = 0;
      this.seen[other] = 0;
    }
    out.sort((a, b) => b.score - a.score || (this.items[a.index]?.id ?? 0) - (this.items[b.index]?.id ?? 0));
    return out.length > limit ? out.slice(0, limit) : out;
  }

  // A plain loop: Float64Array.from with a map function is many times slower in V8.
  private partialScores(touched: number[]): Float64Array {
    const out = new Float64Array(touched.length);
    for (let k = 0; k < touched.length; k += 1) out[k] = this.scratch[touched[k] as number] as number;
    return out;
  }

  /**
   * Near-duplicate groups: items from different episodes saying the same thing, joined
   * transitively. Returns a group number per item (its own index when it has no duplicate).
   */
  duplicateGroups(t: SimilarityThresholds = DEFAULT_DUPLICATE): Int32Array {
    const parent = Int32Array.from({ length: this.size }, (_, i) => i);
    const find = (x: number): number => {
      while (parent[x] !== x) {
        parent[x] = parent[parent[x] as number] as number;
        x = parent[x] as number;
      }
      return x;
    };
    for (let i = 0; i < this.size; i += 1) {
      // Candidates share features; with embeddings, lexical neighbours are rescored semantically.
      for (const n of this.lexicalNeighbours(i, 50, DUPLICATE_PROBES)) {
        if (n.index < i || this.items[n.index]?.episodeId === this.items[i]?.episodeId) continue;
        if (this.isDuplicate(i, n.index, t)) parent[find(n.index)] = find(i);
      }
    }
    return Int32Array.from({ length: this.size }, (_, i) => find(i));
  }
}

function unit(v: number[]): Float64Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const norm = Math.sqrt(sum) || 1;
  return Float64Array.from(v, (x) => x / norm);
}
