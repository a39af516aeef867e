import { analyse, phrasePattern } from '../text/index.js';

/**
 * The opening of a sponsor read or a promotion: the ad copy after it on the same line ("This episode
 * is brought to you by Squarespace. Squarespace makes it easy to build …") is part of it.
 */
const SPONSOR_READ = phrasePattern(
  [
    /sponsored by/,
    /brought to you by/,
    /(?:thanks|thank you) to (?:our|this (?:week|episode)['’]?s?) sponsors?/,
    /our sponsors?\b/,
    /(?:promo|offer|discount|coupon) code/,
    /\buse (?:the )?code\b/,
    /\d+ ?% off\b/,
  ],
  { flags: 'i' },
);

/**
 * What in show notes is not the episode's content: ad-choice and privacy lines, sponsor and
 * promo-code reads, calls to subscribe / follow / rate / support, hosting-platform footers,
 * addresses, link lists and credits. Each pattern is matched against one sentence (or list line);
 * a sentence that matches is dropped, the rest of its paragraph kept.
 */
const FURNITURE = phrasePattern(
  [
    // ad choices and privacy footers (Megaphone, ART19, Omny, Acast, Spotify)
    'ad choices',
    'adchoices',
    'podcastchoices',
    /privacy (?:information|policy|notice)/,
    /acast\.com\/privacy/,
    /omnystudio\.com\/listener/,
    /do-not-sell/,
    // hosting platforms
    /hosted (?:on|by) (?:acast|anchor|spotify|libsyn|simplecast|megaphone|buzzsprout|podbean|transistor|captivate|omny|art19|fireside|soundcloud|spreaker|redcircle)/,
    /^hosted on \S+\.?$/,
    /powered by (?:simplecast|libsyn|fireside|buzzsprout|podbean|transistor|captivate|acast|megaphone)/,
    /(?:anchor\.fm|podcasters\.spotify\.com|spotifyforpodcasters|simplecast\.com|libsyn\.com|megaphone\.fm|redcircle\.com)/,
    /get your podcast (?:on|with)/,
    /create your (?:own )?podcast/,
    // sponsors and promotions (and SPONSOR_READ, tested on its own: a read's opening ends its line)
    /free trial/,
    /special offer/,
    /for a limited time(?: only)?,? (?:get|save|use|enjoy|take|try|grab|claim|you can)\b/,
    /(?:go|head) (?:to|over to) \S+\.(?:com|org|net|io|fm|co)\b/,
    /advertis(?:e|ing) (?:with|on) (?:us|this)/,
    // a book, album or another show plugged ("… is available everywhere now", "a new podcast from …")
    // (not "the booster is available now to everyone", "results are out now", "this new show of force")
    /\b(?:is|are) (?:available|out) (?:now )?(?:everywhere|wherever)\b/,
    /\bis everywhere (?:now|too)\b/,
    /\b(?:album|book|novel|memoir)\b[^.!?]{0,60}\b(?:is|are) out now\b/,
    /\b(?:a|this|our) new podcast\b(?! app)/,
    /\b(?:a|this|our) new show (?:from|by|called|hosted)\b/,
    // subscribe, follow, rate, support
    /\bsubscribe (?:to|on|at|via|now|wherever|here)\b/,
    /wherever you (?:get|listen to) (?:your )?podcasts/,
    /\bfollow (?:us|me|the show|him|her|them) (?:on|at|@)/,
    /\bfollow us\b/,
    /\b(?:rate|review),? (?:and|&) (?:review|rate|subscribe)/,
    /leave (?:us )?a (?:rating|review)/,
    /\brate us\b/,
    /support (?:the|this) (?:show|podcast)/,
    /\bsupport (?:what we do|our work|us (?:directly|by (?:becoming|subscribing|donating|joining)))\b/,
    /become a (?:patron|member|supporter)/,
    /patreon/,
    /join (?:our|the) (?:discord|community|mailing list|newsletter)/,
    /sign up for (?:our|the) newsletter/,
    /\bmerch\b/,
    /listen live every/,
    /\bavailable (?:early )?for (?:patrons|subscribers|members)/,
    // housekeeping
    /this episode (?:originally|first) aired/,
    /originally (?:aired|released|published) (?:on|in)/,
    /originally ran (?:on|in) (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (?:\d{1,2}, )?\d{4}/,
    /\bplease be advised\b/,
    /\b(?:listener|content) (?:note|warning|advisory):/,
    /\bthis episode contains (?:offensive|explicit|strong|graphic|mature|adult|disturbing|descriptions? of (?:violence|abuse|assault|suicide|self-harm|drug)|depictions? of (?:violence|abuse))\b/,
    /\bthank(?:s| you) to\b[^.!?,;]{0,80}\bfor (?:recording|producing|hosting|editing|mixing)\b/,
    // an embedded tweet's signature: "— LxDx (@wokestbloke) May 10, 2019"
    /(?<=\(@)\w{1,15}\) [a-z]+\.? \d{1,2}, \d{4}/,
    /(?:email|write to|contact) us at/,
    /\btranscripts? (?:is|are) available\b/,
    /\b(?:is|are|we['’]re|i['’]m) taking (?:a|an|our) (?:\w+ )?(?:break|hiatus|vacation)\b/,
    /\bsee you (?:all )?(?:next|in|after|soon|then)\b/,
    // credits inside a sentence
    /\b(?:mixed|edited|engineered|mastered|sound designed) by\b/,
    // addresses
    /\bp\.? ?o\.? box\b/,
  ],
  { flags: 'i' },
);

/** Credits and furniture lines: "Produced by …", "Music: …", "Special guests: …", "Links:". */
const CREDIT_LINE = phrasePattern(
  [
    /(?:executive |senior |associate |co-?)?(?:produced|edited|mixed|engineered|hosted|presented|written|recorded|mastered|scored) by\b/,
    /(?:executive |senior |associate |co-?)?producers?:/,
    /(?:theme |original )?music(?: by)?:/,
    /(?:theme|original) music (?:by|from)/,
    /(?:sound design|artwork|cover art|editing|engineering|production|credits|transcript|hosts?)(?: by)?:/,
    /(?:special )?guests?:/,
    /(?:photo|image|art) (?:by|credit)/,
    /(?:recorded|filmed) (?:at|courtesy of|in)\b.{0,40}\bstudios?\b/,
  ],
  { start: 'text', flags: 'i' },
);

/**
 * A heading after which everything is furniture: the list of sponsors, links, credits or
 * social accounts that closes so many show notes.
 */
const SECTION_HEADING = phrasePattern(
  [
    /(?:episode |show )?(?:links|resources|references|sources|mentioned in (?:this|the) episode|show notes)\b.{0,30}:?/,
    /sponsored by:?/,
    /(?:our |this (?:week|episode)['’]?s? )?sponsors?:?/,
    /(?:support|follow|find|connect with|contact) (?:us|the show|[\p{Lu}][\p{L}'’ ]{0,40}).{0,20}:?/u,
    /credits:?/,
    /(?:social|socials|social media):?/,
    /(?:chapters|timestamps):?/,
  ],
  { start: 'text', flags: 'iu' },
);

const URL = /\b(?:https?:\/\/|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|fm|co|ly|me|tv|us|uk)(?:\/\S*)?/gi;
/** A US-style "City, ST 12345" or a postcode ending an address line. */
const ADDRESS =
  /,\s*[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\b\d{1,5}(?: [\w.]+){1,4} (?:street|st|avenue|ave|road|rd|suite|ste)\b/i;
const TIMESTAMP_LINE = /^\(?\[?\d{1,2}:\d{2}(?::\d{2})?\]?\)?\s/;

/** Lowercase letters and digits, one space between runs: how sentences and names are compared. */
function wordsOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Its words without its links: the key under which a sentence is compared across a show's episodes. */
function notesKey(sentence: string): string {
  return wordsOf(sentence.replace(URL, ' '));
}

export interface NotesCleaning {
  /**
   * Keys (notesKey) of sentences that recur across many of the same show's episodes:
   * a show's boilerplate, whatever words it uses (see repeatedNotesSentences).
   */
  repeated?: ReadonlySet<string>;
  /** The show's own title: a plug naming it ("Hard Fork is a new show from …") does not make its name furniture. */
  showTitle?: string;
}

/** Why a sentence or line is not the episode's content, or undefined when it is. */
export function furnitureReason(sentence: string, opts: NotesCleaning = {}): string | undefined {
  const s = sentence.trim();
  return reasonOf(s, opts, SPONSOR_READ.test(s));
}

/** furnitureReason of a trimmed sentence, told whether it opens a sponsor read. */
function reasonOf(s: string, opts: NotesCleaning, sponsorRead: boolean): string | undefined {
  if (s === '') return 'empty';
  if (opts.repeated?.has(notesKey(s))) return 'repeated across episodes';
  if (sponsorRead || FURNITURE.test(s) || isCallToGo(s) || isSalesPitch(s)) return 'boilerplate phrase';
  if (CREDIT_LINE.test(s)) return 'credit';
  if (ADDRESS.test(s)) return 'address';
  if (TIMESTAMP_LINE.test(s)) return 'chapter mark';
  if (isNameList(s)) return 'list of names';
  const urls = s.match(URL) ?? [];
  const words = s
    .replace(URL, ' ')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  if (urls.length > 0 && words.length < 12) return 'link';
  if (urls.join('').length > s.length / 3) return 'link';
  if (isNameRun(s)) return 'names, no statement';
  return undefined;
}

const CALL_TO_GO = /^(?:go )?(?:listen to|check out|search for)\s+(.*)$/i;
/** A title, quoted or capitalised, that ends its sentence or clause: nothing is said of it after. */
const TITLE_THEN_END =
  /^(?:(?:the|our|my) )?(?:['‘"“][^'‘’"“”]{2,60}['’"”]|[\p{Lu}\p{N}][\p{L}\p{N}'’&:-]*(?:\s+(?:of|the|and|a|an|in|on|for|to|with|&|[\p{Lu}\p{N}][\p{L}\p{N}'’&:-]*))*)\s*(?:[,;.!…]|$)/u;
const SHOW_WORDING = /^(?:\S+\s+){0,4}?(?:podcasts?|episodes?|shows?|series|trailer|interview|conversation)\b/i;

/**
 * Ad copy: a sentence that tells the listener to buy, send or claim something and exclaims it ("Send
 * dad more than just a gift – send him an experience he'll love and can share with you!"). Notes say
 * what an episode holds; they do not urge the reader to spend.
 */
function isSalesPitch(sentence: string): boolean {
  // Linear tests, not one pattern: `^send .* you .*!$` backtracks quadratically on a long hostile
  // sentence full of "you".
  return SALES_VERB.test(sentence) && EXCLAIMED.test(sentence) && TO_YOU.test(sentence) && SALES_NOUN.test(sentence);
}
const SALES_NOUN =
  /\b(?:gifts?|bundles?|orders?|offers?|deals?|discounts?|codes?|subscriptions?|experiences?|boxes|kits?)\b/i;
const SALES_VERB = /^(?:send|give|treat|shop|order|buy|save|claim|gift|upgrade|unlock)\b/i;
const EXCLAIMED = /!["”’)]?$/;
const TO_YOU = /\byou(?:r|'ll|’ll)?\b/i;

/**
 * A call to go to something else ("Listen to Song Exploder, a huge inspiration for this episode.",
 * "Check out our episode with …", "Check out example.com/…"), not a description that opens on the
 * same words ("Listen to economist Jane Smith explain why …", "Check out how a small team …").
 */
function isCallToGo(sentence: string): boolean {
  const object = CALL_TO_GO.exec(sentence)?.[1];
  if (object === undefined) return false;
  return object.search(URL) >= 0 || SHOW_WORDING.test(object) || TITLE_THEN_END.test(object);
}

/**
 * A run of names or titles ("Ghost Recon Breakpoint, The Last of Us Part II, Code Vein, The Surge 2,
 * …"): four or more short capitalised parts, so a list of what was covered, not something said.
 */
function isNameList(sentence: string): boolean {
  const parts = sentence
    .replace(/[.…!?]+$/, '')
    .split(/,\s*|\s+(?:and|&)\s+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length < 4) return false;
  const named = parts.filter((p) => {
    const words = p.split(/\s+/);
    const capitalised = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
    return words.length <= 5 && /^[\p{Lu}\p{N}]/u.test(p) && capitalised * 2 >= words.length;
  });
  return named.length >= parts.length * 0.8;
}

/**
 * A line of a link list or a label: short and without a sentence's end ("Emily Atkin's
 * newsletter, Heated", "Matrix Client: nheko"). Sentences of content end in . ! ? or are long.
 */
function isLabelLine(line: string): boolean {
  const words = line.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  return words < 12 && !/[.!?…]["'”’)]?$/.test(line.trim());
}

/**
 * The paragraphs of show notes with the furniture taken out. A section heading (Links:,
 * Sponsored by:, Follow us:, Credits:) ends the content: what follows it is dropped too.
 */
export function cleanShowNotesParagraphs(
  paragraphs: string[],
  segment: (text: string) => string[],
  opts: NotesCleaning = {},
): string[][] {
  const out: string[][] = [];
  // Each name a plug introduces, with the paragraph (of `out`) from which it is furniture.
  const plugged = new Map<string, number>();
  const ownTitle = wordsOf(opts.showTitle ?? '');
  // `text` is trimmed; a sponsor read is tested for once per sentence, here or by the caller.
  const drop = (text: string, sponsorRead = SPONSOR_READ.test(text)): boolean => {
    if (!reasonOf(text, opts, sponsorRead)) return false;
    for (const name of pluggedNames(text))
      if (!plugged.has(name) && !(ownTitle && ` ${ownTitle} `.includes(` ${wordsOf(name)} `)))
        plugged.set(name, out.length);
    return true;
  };
  notes: for (const paragraph of paragraphs) {
    const kept: string[] = [];
    for (const rawLine of paragraph.split(/\r?\n/)) {
      const line = rawLine.replace(/^\s*[-*•–]\s+/, '').trim();
      if (line === '') continue;
      if (isHeading(line)) {
        if (kept.length > 0) out.push(kept);
        break notes;
      }
      if (isLabelLine(line)) continue;
      const sentences = segment(line).map((sentence) => sentence.trim());
      // Furniture is judged per sentence: a line of content ending on "Learn more about your ad
      // choices." keeps its content. A one-sentence line is judged once. A sponsor read runs to the
      // end of its line: the sentences after its opening are the ad's copy.
      if (sentences.length <= 1) {
        if (!drop(line)) kept.push(...sentences);
        continue;
      }
      for (const s of sentences) {
        const sponsorRead = SPONSOR_READ.test(s);
        if (!drop(s, sponsorRead)) kept.push(s);
        else if (sponsorRead) break;
      }
    }
    if (kept.length > 0) out.push(kept);
  }
  return withoutPlugged(out, plugged);
}

/**
 * The name a plug introduces as another show ("'History Daily' is a new podcast from …",
 * "Fun City, a new show from …"): a quoted title or a run of capitalised words right before it.
 */
const NEW_SHOW =
  /(?:(?<![\p{L}\p{N}])['‘"“]([^'‘’"“”]{2,60})['’"”](?![\p{L}\p{N}])|(\p{Lu}[\p{L}\p{N}'’&-]*(?:\s+(?:of|the|and|&|\p{Lu}[\p{L}\p{N}'’&-]*))*))\s*,?\s*(?:is|are)?\s*(?:a|an|our)\s+(?:brand[- ])?new\s+(?:podcast|show|series)\b/gu;
const INTRODUCING = /^(?:introducing|meet|presenting|announcing)\s+/i;
/**
 * Capitalised words before a plug that are no name: a sentence's opening preposition or time
 * ("On Monday, a new podcast from the BBC launched", "This week, our new show …").
 */
const NOT_A_NAME =
  /^(?:(?:on|in|at|by|from|since|until|starting|beginning|this|last|next|today|tonight|tomorrow|yesterday|now|also|and|but|so|then|there|here|it|week|weekend|morning|evening|year|month|(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|fall|winter|\d+(?:st|nd|rd|th)?)(?:\s+|$))+/i;

function pluggedNames(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(NEW_SHOW)) {
    const name = m[1]?.trim() ?? (m[2] ?? '').replace(INTRODUCING, '').replace(NOT_A_NAME, '').trim();
    if (name.split(/\s+/).some((w) => /^\p{Lu}/u.test(w))) names.push(name);
  }
  return names;
}

/**
 * A plug runs on past its one sentence: every sentence naming the show it plugs ("History Daily is
 * there to tell you the true stories …", "History Daily premiers November 1st.") is part of it, from
 * the plug's paragraph on (before it, the name is the episode's own subject).
 */
function withoutPlugged(paragraphs: string[][], plugged: ReadonlyMap<string, number>): string[][] {
  if (plugged.size === 0) return paragraphs;
  const names = [...plugged].map(([name, from]) => ({
    from,
    pattern: phrasePattern([name], { end: 'word', flags: 'u' }),
  }));
  return paragraphs
    .map((sentences, i) => sentences.filter((s) => !names.some((n) => n.from <= i && n.pattern.test(s))))
    .filter((sentences) => sentences.length > 0);
}

function isHeading(line: string): boolean {
  return line.length <= 60 && /:\s*$/.test(line) && SECTION_HEADING.test(line);
}

/** Enough left to say something: a sentence of eight words or more, and twelve words in all. */
export function isSubstantive(sentences: string[]): boolean {
  const counts = sentences.map((s) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length);
  return counts.some((n) => n >= 8) && counts.reduce((a, b) => a + b, 0) >= 12;
}

/**
 * Mostly capitalised words and no verb in running text: a credit or a title run ("From the Promised
 * Land - Master of The Hive - Sir Brian of London"), not content. A capitalised verb inside the
 * sentence belongs to a name ("The Promised Land"); an elliptical sentence in lower case ("Also
 * about Go and its garbage collector!") is content.
 */
function isNameRun(sentence: string): boolean {
  // A bound before the part-of-speech pass, which would otherwise run on every sentence: each capitalised word
  // holds a capital and each plain lower-case word is a word, so with over twice as many of those it cannot pass.
  const capitals = sentence.match(/\p{Lu}/gu)?.length ?? 0;
  const plainLower = sentence.split(/\s+/).filter((w) => /^[a-z]+[,;.!?]?$/.test(w)).length;
  if (capitals * 2 < plainLower) return false;
  const words = analyse(sentence).tokens.filter((t) => t.isWord);
  const capitalised = words.filter((t) => /^\p{Lu}/u.test(t.value)).length;
  if (words.length < 3 || capitalised * 2 < words.length) return false;
  return !words.some((t, i) => (t.pos === 'VERB' || t.pos === 'AUX') && (i === 0 || !/^\p{Lu}/u.test(t.value)));
}

/**
 * The sentences that recur in many of one show's episode notes: in at least `minEpisodes`
 * of them and a `minShare` of all, once `minNotes` (5) of its episodes have notes. An ad read, a sign-off or an address recurs; what an episode
 * is about does not. `sentences` splits one episode's notes (the same splitter the transcript uses).
 */
export function repeatedNotesSentences(
  notes: string[],
  sentences: (notes: string) => string[],
  opts: { minEpisodes?: number; minShare?: number; minNotes?: number } = {},
): Set<string> {
  const counts = new Map<string, number>();
  for (const n of notes) {
    for (const key of new Set(sentences(n).map(notesKey)))
      if (key.split(' ').length >= 3) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  // A show of a few episodes does not tell its boilerplate from its subject yet.
  if (notes.filter((n) => n.trim() !== '').length < (opts.minNotes ?? 5)) return new Set();
  const min = Math.max(opts.minEpisodes ?? 3, Math.ceil((opts.minShare ?? 0.05) * notes.length));
  const out = new Set<string>();
  for (const [key, n] of counts) if (n >= min) out.add(key);
  return out;
}
