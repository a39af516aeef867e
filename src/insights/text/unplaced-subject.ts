import type { Token } from '../../text/index.js';

/** Pronouns that stand for one thing or person the sentence does not name ("they" in notes is the hosts). */
const PERSONAL = new Set(['he', 'she', 'it']);
const COPULA = new Set(['is', 'was']);

/**
 * The sentence's subject is a pronoun for something it does not name: "It's light as a feather",
 * "It ships with Fedora", "She provides clarity on …". Not "it" that presents what follows ("It's
 * the week before E3", "It's been four days since …", "It's Groundhog Day"): a copula with a noun
 * phrase or "been" after it names its own subject.
 */
export function opensOnUnplacedSubject(sentence: readonly Token[]): boolean {
  const words = sentence.filter((t) => t.isWord);
  const [first, second, third] = words;
  if (!first || !PERSONAL.has(first.normal) || !second) return false;
  if (first.normal !== 'it') return second.pos === 'VERB' || second.pos === 'AUX';
  if (!COPULA.has(second.normal)) return second.pos === 'VERB';
  // "It's light as a feather", "It's really fast": what it is said to be, not what it is; but
  // "It's easy to forget …", "It's clear that …" say it of what follows.
  const at = third?.pos === 'ADV' ? 3 : 2;
  const after = words[at + 1]?.normal;
  return words[at]?.pos === 'ADJ' && after !== 'to' && after !== 'that';
}
