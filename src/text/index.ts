/** The text kernel every stage shares: wink tokens, Porter stems, content words and word rarity in spoken English. */
export { analyse, type Token } from './tokens.js';
export { contentTerms, isContentToken, termOf } from './terms.js';
export { stem, wink } from './wink.js';
export {
  COMMON_WORD_EVERY,
  COMMON_WORD_IDF,
  englishIdf,
  englishIdfOfWord,
  isRarerThan,
  MAX_ENGLISH_IDF,
} from './english.js';
export { termWeighter, type BackgroundStats } from './background-stats.js';
export { phrasePattern } from './phrase-pattern.js';
export { OPENING_MARKERS } from './opening-markers.js';
