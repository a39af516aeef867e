/**
 * Pairwise precision/recall/F1 of relateInsights on labelled sets built from real text:
 * the producer-written key points of eval-public episodes (theme = episode), six themes per set,
 * five of them with near-topic hard negatives (another episode of the same show or field).
 * The threshold is chosen on the tuning split and then reported, unchanged, on the held-out split.
 * A second kind of set uses the embedded engine's own insights of the same episodes.
 * With an OpenAI-compatible embeddings endpoint, the same sets are also grouped by embedding
 * cosine (its own threshold grid), to choose DEFAULT_EMBEDDING_RELATE_THRESHOLD for a model.
 *   npm run eval:related [-- --quick] [--embeddings-url <url> --embeddings-model <m> [--embeddings-key <k>]]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { corpusPath, requireCorpus } from '../test/corpus.js';
import { extractInsights } from '../src/insights/index.js';
import { parseTranscript } from '../src/transcripts/index.js';
import {
  embeddingsClient,
  relateInsights,
  DEFAULT_EMBEDDING_RELATE_THRESHOLD,
  DEFAULT_RELATE_THRESHOLD,
  SHORT_ITEMS_RELATE_THRESHOLD,
  type Embedder,
} from '../src/related/index.js';
import {
  labelledSets,
  readEvalEpisodes,
  type EpisodeRefs,
  type LabelledSet,
  type Split,
} from '../src/related/eval/labelled-sets.js';
import { addCounts, pairCounts, scoresOf, type PairScores } from '../src/related/eval/pairwise.js';
import { ceilingsOf } from '../src/related/eval/ceilings.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'embeddings-url': { type: 'string' },
    'embeddings-model': { type: 'string' },
    'embeddings-key': { type: 'string' },
  },
});
if (args['embeddings-url'] && !args['embeddings-model'])
  throw new Error('--embeddings-model is required with --embeddings-url');
if (!requireCorpus()) process.exit(0);
const quick = args.quick ?? false;
const episodes = readEvalEpisodes(corpusPath('eval-public'));
const embedder: Embedder | undefined = args['embeddings-url']
  ? embeddingsClient({
      baseUrl: args['embeddings-url'],
      model: args['embeddings-model'] ?? '',
      ...(args['embeddings-key'] ? { apiKey: args['embeddings-key'] } : {}),
      fetch: { allowPrivateNetworks: true, timeoutMs: 300_000 },
    })
  : undefined;

/** How one method groups a set, the thresholds it is tuned over, and its library default. */
interface Method {
  name: string;
  grid: number[];
  /** Undefined: the library picks one per pair (by the two items' lengths). */
  defaultThreshold: number | undefined;
  defaultLabel: string;
  groups(set: LabelledSet, threshold: number | undefined): string[][];
}

const lexical: Method = {
  name: 'lexical',
  grid: [0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15],
  defaultThreshold: undefined,
  defaultLabel: `per pair, ${SHORT_ITEMS_RELATE_THRESHOLD} short / ${DEFAULT_RELATE_THRESHOLD} otherwise`,
  groups: (set, threshold) => relateInsights(set.items, threshold === undefined ? {} : { threshold }).groups,
};

/** Embeds every text of the sets once (the client batches), then groups by their cosine. */
async function denseMethod(embedder: Embedder, sets: LabelledSet[]): Promise<Method> {
  const texts = [...new Set(sets.flatMap((s) => s.items.map((i) => i.text)))];
  const vectors = await embedder.embed(texts);
  const vectorOf = new Map(texts.map((t, i) => [t, vectors[i] as number[]]));
  return {
    name: `embeddings ${embedder.model}`,
    grid: [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8],
    defaultThreshold: DEFAULT_EMBEDDING_RELATE_THRESHOLD,
    defaultLabel: String(DEFAULT_EMBEDDING_RELATE_THRESHOLD),
    groups: (set, threshold) =>
      relateInsights(set.items, {
        ...(threshold === undefined ? {} : { threshold }),
        vectors: set.items.map((i) => vectorOf.get(i.text) as number[]),
      }).groups,
  };
}

function score(method: Method, sets: LabelledSet[], threshold: number | undefined): PairScores {
  let counts = { tp: 0, fp: 0, fn: 0 };
  for (const set of sets) {
    const labels = new Map(set.items.map((i) => [i.id, i.theme]));
    counts = addCounts(counts, pairCounts(labels, method.groups(set, threshold)));
  }
  return scoresOf(counts);
}

const fmt = (s: PairScores) => `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`;

async function report(kind: string, sets: Record<Split, LabelledSet[]>): Promise<void> {
  const items = (s: LabelledSet[]) => s.reduce((n, x) => n + x.items.length, 0);
  console.log(
    `\n${kind}: tuning ${sets.tuning.length} sets / ${items(sets.tuning)} items, held-out ${sets['held-out'].length} sets / ${items(sets['held-out'])} items`,
  );
  reportMethod(lexical, sets);
  if (embedder) reportMethod(await denseMethod(embedder, [...sets.tuning, ...sets['held-out']]), sets);
}

function reportMethod(method: Method, sets: Record<Split, LabelledSet[]>): void {
  const tuned = method.grid
    .map((t) => ({ t, s: score(method, sets.tuning, t) }))
    .sort((a, b) => b.s.f1 - a.s.f1 || a.t - b.t)[0]!;
  const heldAtTuned = score(method, sets['held-out'], tuned.t);
  const heldAtDefault = score(method, sets['held-out'], method.defaultThreshold);
  if (embedder) console.log(` ${method.name}:`);
  console.log(`  tuning   (threshold ${tuned.t} chosen here) ${fmt(tuned.s)}`);
  console.log(`  held-out (same threshold, never tuned on)   ${fmt(heldAtTuned)}`);
  console.log(
    `  tuning   (library default: ${method.defaultLabel}) ${fmt(score(method, sets.tuning, method.defaultThreshold))}`,
  );
  console.log(`  held-out (library default: ${method.defaultLabel}) ${fmt(heldAtDefault)}`);
  if (method !== lexical) return;
  // The ceilings measure the lexical similarity only.
  const c = ceilingsOf(sets['held-out'], (theme) => theme.split('-')[0] ?? theme);
  const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
  console.log(
    `  what the similarity can tell apart (held-out, true labels): nearest item same theme ${pct(c.nearestSameTheme)}, closest to own theme ${pct(c.ownCentroidClosest)}; grouping by show alone ${fmt(c.groupedByShow)}`,
  );
}

const started = performance.now();
await report('reference key points', {
  tuning: labelledSets(episodes, 'tuning'),
  'held-out': labelledSets(episodes, 'held-out'),
});

if (!quick) {
  // The engine's insights stand in for what production groups: paragraphs, not bullets.
  const asInsights: EpisodeRefs[] = episodes.map((e) => {
    const md = readFileSync(corpusPath('eval-public', e.episode, 'transcript.md'), 'utf8');
    return { ...e, bullets: extractInsights(parseTranscript(md, { type: 'text/markdown' })).map((i) => i.text) };
  });
  await report('engine insights (top 5 per episode)', {
    tuning: labelledSets(asInsights, 'tuning'),
    'held-out': labelledSets(asInsights, 'held-out'),
  });
  // Short key points beside paragraphs in one set: a set's mix of lengths must not swing the result.
  const mixed: EpisodeRefs[] = episodes.map((e, i) => ({
    ...e,
    bullets: [...e.bullets, ...(asInsights[i]?.bullets ?? [])],
  }));
  await report('key points beside engine insights (mixed lengths)', {
    tuning: labelledSets(mixed, 'tuning'),
    'held-out': labelledSets(mixed, 'held-out'),
  });
}
console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);
