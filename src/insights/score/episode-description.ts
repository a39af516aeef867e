import type { Token } from '../../text/index.js';

/**
 * Verbs of a conversation taking place: in show notes, a sentence whose main verb is one of these
 * says who talks with whom or what the episode covers ("Galen speaks with …", "X joins Y to
 * discuss …", "In this episode we look at …"), not what anyone found or claims.
 */
const CONVERSATION_VERB =
  /^(?:speak|speaks|spoke|speaking|talk|talks|talked|talking|chat|chats|chatted|join|joins|joined|discuss|discusses|discussed|interview|interviews|interviewed|welcome|welcomes|welcomed|analyze|analyzes|analyse|analyses|explore|explores|recap|recaps|debate|debates|reflect|reflects)$/;
/** Two-word forms: "sits down with", "looks at", "dives into", "breaks down", "catches up". */
const CONVERSATION_PHRASE =
  /^(?:(?:sit|sits|sat) down|(?:look|looks) at|(?:dive|dives|dig|digs) (?:into|in|deep)|(?:break|breaks) down|(?:catch|catches) up)$/;
/** After a noun, a conversation word is the verb the tagger took for a noun ("Caroline and Jen talk/NOUN about"). */
const CONVERSATION_OBJECT = new Set(['with', 'to', 'about']);

const NOUN_PHRASE_TAGS = new Set([
  'PROPN',
  'PRON',
  'NOUN',
  'ADJ',
  'ADV',
  'DET',
  'CCONJ',
  'NUM',
  'PART',
  'ADP',
  'PUNCT',
  'SYM',
]);
const MAX_SUBJECT_WORDS = 15;

/**
 * True when the sentence only describes the episode: after an optional framing clause without a
 * verb of its own ("In this installment of the 538 Politics podcast,"), a noun phrase (the people,
 * "we", "the crew") is followed by a verb of conversation, or the sentence invites the listener in.
 * A framing clause that states something ("As Mueller hits Bannon with a subpoena, …") is content.
 */
export function describesEpisode(tokens: Token[]): boolean {
  const words = tokens.filter((t) => !t.isPunct || t.value === ',');
  // "Join us as …", "Let's talk about …": an invitation to the episode.
  if (words[0]?.normal === 'join') return true;
  if (words[0]?.normal === 'let' || words[0]?.normal === 'lets') return [1, 2].some((i) => isConversationAt(words, i));
  let subjectWords = 0;
  for (let i = 0; i < words.length; i += 1) {
    const t = words[i] as Token;
    if (isConversationAt(words, i)) return subjectWords > 0;
    if (t.pos === 'AUX' && isConversationAt(words, i + 1)) continue;
    // A capitalised verb belongs to a name or title ("Leading Marxist scholar …", "author of Lies Lies Lies").
    const inName = t.pos === 'VERB' && /^\p{Lu}/u.test(t.value);
    if (!inName && (t.pos === 'VERB' || t.pos === 'AUX' || !NOUN_PHRASE_TAGS.has(t.pos))) return false;
    // A framing clause ends at its comma; the subject starts after it.
    subjectWords = t.value === ',' ? 0 : subjectWords + 1;
    if (subjectWords > MAX_SUBJECT_WORDS) return false;
  }
  return false;
}

function isConversationAt(words: Token[], i: number): boolean {
  const t = words[i];
  if (!t) return false;
  const next = words[i + 1];
  if (CONVERSATION_VERB.test(t.normal)) return t.pos === 'VERB' || CONVERSATION_OBJECT.has(next?.normal ?? '');
  return next !== undefined && CONVERSATION_PHRASE.test(`${t.normal} ${next.normal}`);
}
