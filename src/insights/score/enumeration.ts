import type { Token } from '../../text/index.js';

/** Words before a clause's frame that do not change it: "and we've got", "like we've got". */
const CLAUSE_MARKERS = new Set(['so', 'like', 'well', 'then', 'um', 'uh', 'also', 'plus']);
/** Verbs that frame a claim rather than list an item: "I think it works, I think it scales" is no list. */
const REPORTING = new Set(
  (
    'think thinks thought say says said mean means meant guess guessed believe believes believed feel feels felt ' +
    'know knows knew bet suppose supposed'
  ).split(' '),
);
/** More words than this before the verb: not a clause frame but a noun phrase or aside. */
const FRAME_MAX_WORDS = 3;
/** One repeat is parallelism ("you can use X, you can run Y"); three clauses in one frame are a list. */
const LIST_FROM = 3;
/** Clauses in one frame at which a passage counts fully as a listing. */
const LIST_FULL = 4;
/** A verbless clause this short that names something is an item of a list ("five rounds", "135.95"). */
const ITEM_MAX_WORDS = 5;
/** The frame every verbless item shares: "Workout number one, five rounds, seven squat snatches". */
const ITEM = '(item)';

const isClauseEnd = (t: Token): boolean => t.isPunct && /^[,;:.!?…]+$/.test(t.value);

/**
 * A clause's frame: its subject and first main verb as said ("we've got the rope climbs" and "we
 * got a handstand walk" are both "we got"; auxiliaries and markers dropped), or its first two words
 * when no verb comes soon ("there's X"); '' when nothing follows the frame: an aside ("you know")
 * lists no item.
 */
function frameOf(clause: Token[]): string {
  const words = clause.filter((t) => t.isWord);
  let k = 0;
  while (k < words.length && opensClause(words[k] as Token)) k += 1;
  const rest = words.slice(k);
  if (isItem(rest)) return ITEM;
  let used = 0;
  const frame: string[] = [];
  for (const w of rest.slice(0, FRAME_MAX_WORDS + 2)) {
    used += 1;
    if (w.pos === 'AUX' || w.pos === 'ADV' || (w.pos as string) === 'PART') continue;
    frame.push(w.normal);
    if (w.pos === 'VERB' || frame.length > FRAME_MAX_WORDS) break;
  }
  if (frame.at(-1) !== undefined && rest[used - 1]?.pos === 'VERB' && frame.length <= FRAME_MAX_WORDS)
    return rest.length > used && !REPORTING.has(frame.at(-1) as string) ? frame.join(' ') : '';
  return rest.length > 2
    ? rest
        .slice(0, 2)
        .map((w) => w.normal)
        .join(' ')
    : '';
}

/** Names something without saying anything of it; not a phrase of place or time ("at this point"). */
function isItem(words: Token[]): boolean {
  const first = words[0];
  return (
    first !== undefined &&
    words.length <= ITEM_MAX_WORDS &&
    first.pos !== 'ADP' &&
    first.pos !== 'SCONJ' &&
    !words.some((w) => w.pos === 'VERB' || w.pos === 'AUX') &&
    words.some((w) => w.isNumber)
  );
}

const opensClause = (w: Token): boolean => w.pos === 'CCONJ' || w.pos === 'INTJ' || CLAUSE_MARKERS.has(w.normal);

/**
 * How much a passage reads as a listing of items in one repeated clause frame ("we've got the
 * handstand walk, we've got 60 burpees, we've got the rope climbs"): 0 below three clauses in one
 * frame, 1 from four; short verbless items in a row ("five rounds, seven squat snatches") share
 * one. A list read out is no takeaway, whatever its items; the same subject with varied verbs
 * ("you can use X, you can run Y") is not a frame repeated.
 */
export function listing(tokens: readonly Token[]): number {
  const counts = new Map<string, number>();
  let clause: Token[] = [];
  const close = (): void => {
    const frame = frameOf(clause);
    if (frame) counts.set(frame, (counts.get(frame) ?? 0) + 1);
    clause = [];
  };
  for (const t of tokens) {
    if (isClauseEnd(t)) close();
    else clause.push(t);
  }
  close();
  let most = 0;
  for (const n of counts.values()) most = Math.max(most, n);
  return Math.min(1, Math.max(0, most - LIST_FROM + 1) / (LIST_FULL - LIST_FROM + 1));
}
