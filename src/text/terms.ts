import type { PartOfSpeech } from 'wink-nlp';
import { analyse, type Token } from './tokens.js';
import { stem } from './wink.js';

const FUNCTION_POS = new Set<PartOfSpeech>([
  'PRON',
  'DET',
  'ADP',
  'CCONJ',
  'SCONJ',
  'AUX',
  'PART',
  'INTJ',
  'PUNCT',
  'SYM',
  'SPACE',
  'NUM',
]);

/** Spoken-language fillers wink does not list as stop words. */
const FILLERS = new Set([
  'um',
  'uh',
  'uhm',
  'umm',
  'er',
  'erm',
  'ah',
  'hmm',
  'mm',
  'mhm',
  'yeah',
  'yep',
  'okay',
  'ok',
  'gonna',
  'wanna',
  'gotta',
  'kinda',
  'sorta',
  'oh',
  'like',
  'really',
  'actually',
  'basically',
  'literally',
  'stuff',
  'thing',
  'things',
  'lot',
  'lots',
  'guy',
  'guys',
  'right',
  'sure',
  'yes',
  'cool',
  'awesome',
  // Podcast talk about itself is never a theme.
  'podcast',
  'podcasts',
  'episode',
  'episodes',
  'listener',
  'listeners',
  'guest',
  'guests',
  'interview',
]);

export function isContentToken(t: Token): boolean {
  return (
    t.isWord &&
    !t.isStop &&
    !t.isNumber &&
    !FUNCTION_POS.has(t.pos) &&
    t.normal.length > 1 &&
    !FILLERS.has(t.normal) &&
    /\p{L}/u.test(t.normal)
  );
}

export function termOf(t: Token): string {
  return stem(t.normal.replace(/[’']s$/, ''));
}

/** Stemmed content words of a text, in order, with repeats. */
export function contentTerms(text: string): string[] {
  return analyse(text).tokens.filter(isContentToken).map(termOf);
}
