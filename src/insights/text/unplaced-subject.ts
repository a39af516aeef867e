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
  // Adverbs between subject and verb change nothing: "It also ships …", "He now leads …".
  const words = sentence.filter((t, i) => t.isWord && (i === 0 || t.pos !== 'ADV'));
  const [first, second] = words;
  if (!first || !PERSONAL.has(first.normal) || !second) return false;
  if (first.normal !== 'it') return second.pos === 'VERB' || second.pos === 'AUX';
  // "It takes three years to …", "It seems that …", "It's important for teams to …": an "it" whose
  // "to" or "that" clause comes later stands for that clause.
  const extraposed = words.slice(2).some((w) => w.normal === 'to' || w.normal === 'that');
  // "It turns out …", "It takes three years to …": the verb presents what follows; but "It takes
  // stunning photos at night", "It happened on a Tuesday" say something of the unnamed "it".
  if (PRESENTING.has(second.normal)) return !(extraposed || words[2]?.normal === 'out');
  if (!COPULA.has(second.normal)) return second.pos === 'VERB';
  // "It's light as a feather", "It's really fast", "It's perfect for small teams": what it is said
  // to be; but "It's easy to forget …", "It's clear that …", "It's important for teams to …", "It's
  // worth noting …" say it of what follows.
  const after = words[3];
  if (words[2]?.pos !== 'ADJ' || after?.pos === 'VERB' || FOLLOWS.has(after?.normal ?? '')) return false;
  return !(after?.normal === 'for' && extraposed);
}

/** Verbs with which "it" may present what follows rather than stand for something. */
const PRESENTING = new Set([
  'turns',
  'turned',
  'seems',
  'seemed',
  'appears',
  'appeared',
  'takes',
  'took',
  'happens',
  'happened',
]);
/** Words after "it is <adjective>" that show the adjective is said of what follows. */
const FOLLOWS = new Set(['to', 'that', 'how', 'why', 'whether']);
