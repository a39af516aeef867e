import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

let instance: WinkMethods | undefined;

/** The wink pipeline, loaded once on first use (loading takes ~150 ms). */
export function wink(): WinkMethods {
  instance ??= winkNLP(model, ['sbd', 'pos']);
  return instance;
}

const porter = model.addons.stem as (word: string) => string;
const stemCache = new Map<string, string>();

/** Porter stem of a lower-cased word: the same stemmer the background table was built with. */
export function stem(normal: string): string {
  let s = stemCache.get(normal);
  if (s === undefined) {
    s = porter(normal);
    if (stemCache.size < 200_000) stemCache.set(normal, s);
  }
  return s;
}
