/**
 * How many related insights bench:day's brief items could have, against how many they get: for each
 * item of the dumped briefs, its best cross-show candidates in the day's pool (the ten nearest by
 * lexical cosine, plus any sharing a telling word), as labelled in bench/labelled/related-pairs.json.
 *   npm run bench:day -- --quiet --dump-insights /tmp/day.json --dump-briefs /tmp/briefs.json
 *   npx tsx bench/related-ceiling.ts /tmp/day.json /tmp/briefs.json               per item: figures
 *   npx tsx bench/related-ceiling.ts /tmp/day.json /tmp/briefs.json --candidates  the unlabelled pairs, to
 *                                                                                 label by reading (no verdict shown)
 * A day's insight is matched to the labelled dumps (bench/labelled/) by show, episode title, headline
 * and text, so a later run (other ids) reads the same labels.
 */
import { readFileSync } from 'node:fs';
import { indexEntryFor } from '../src/related/index.js';
import { InsightPool } from '../src/related/pool.js';
import { relatedText } from '../src/related/related-text.js';
import { isRelatedEvidence } from '../src/related/telling-words.js';
import { DAY_INSIGHTS, type DumpedBrief, type DumpedInsight, readDump, readLabelledPairs } from './related-pairs.js';

/** Nearest cross-show neighbours by lexical cosine each item's candidates include. */
const NEAREST = 10;

const [insightsFile, briefsFile] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!insightsFile || !briefsFile) throw new Error('usage: related-ceiling.ts <day insights.json> <briefs.json>');
const day = JSON.parse(readFileSync(insightsFile, 'utf8')) as DumpedInsight[];
const briefs = JSON.parse(readFileSync(briefsFile, 'utf8')) as DumpedBrief[];
const pool = new InsightPool(
  day.map((i) => ({
    id: i.id,
    episodeId: i.episodeId,
    feedId: i.feedId,
    terms: indexEntryFor(i).terms,
    ...relatedText(i),
  })),
);

/** An insight as the reader and the rule see it, whichever run's ids it has. */
const keyOf = (i: DumpedInsight) => JSON.stringify([i.podcastTitle, i.episodeTitle, i.headline, i.text]);
const pairKey = (a: string, b: string) => (a < b ? `${a}\n${b}` : `${b}\n${a}`);
const dumps = new Map<string, Map<number, DumpedInsight>>();
const labels = new Map<string, boolean>();
for (const p of readLabelledPairs()) {
  const file = p.dump ?? DAY_INSIGHTS;
  let byId = dumps.get(file);
  if (!byId) dumps.set(file, (byId = new Map(readDump(file).map((i) => [i.id, i]))));
  labels.set(pairKey(keyOf(byId.get(p.a)!), keyOf(byId.get(p.b)!)), p.related);
}
/** The label of two of the day's insights, when the pair is labelled. */
function labelOf(a: number, b: number): boolean | undefined {
  return labels.get(pairKey(keyOf(day[a]!), keyOf(day[b]!)));
}

/** The item's candidates: its nearest cross-show insights and every cross-show one sharing a telling word. */
function candidates(i: number): number[] {
  const self = day[i]!;
  const out = new Set<number>();
  for (const n of pool.lexicalNeighbours(i)) {
    if (out.size >= NEAREST) break;
    if (day[n.index]!.feedId !== self.feedId) out.add(n.index);
  }
  for (let j = 0; j < pool.size; j += 1)
    if (day[j]!.feedId !== self.feedId && pool.tellingEvidence(i, j).words > 0) out.add(j);
  return [...out];
}

const at = (id: number) => {
  const i = pool.indexOf(id);
  if (i === undefined) throw new Error(`brief insight ${id} is not in ${insightsFile}`);
  return i;
};
const items = [...new Set(briefs.flatMap((b) => b.items.map((i) => i.insightId)))].map(at);

if (process.argv.includes('--candidates')) {
  const seen = new Set<string>();
  for (const i of items)
    for (const j of candidates(i)) {
      const key = pairKey(keyOf(day[i]!), keyOf(day[j]!));
      if (seen.has(key) || labelOf(i, j) !== undefined) continue;
      seen.add(key);
      const line = (x: DumpedInsight) => `[${x.podcastTitle}] ${x.episodeTitle} | ${x.headline} | ${x.text}`;
      console.log(`\n## ${day[i]!.id} ${day[j]!.id}\nA ${line(day[i]!)}\nB ${line(day[j]!)}`);
    }
  process.exit(0);
}

const attached = new Map<number, Set<number>>();
for (const b of briefs) for (const it of b.items) attached.set(it.insightId, new Set(it.related));
let unlabelled = 0;
/** Per brief item: how many shows hold an insight labelled related to it (at most one each is shown). */
const relatedShows = new Map<number, number>();
const totals = {
  items: 0,
  withRelated: 0,
  relatedShows: 0,
  attached: 0,
  attachedRight: 0,
  ruleShows: 0,
  proposedShows: 0,
};
console.log(
  'per brief item: candidates, labelled related (their shows), the rule accepts of those (shows), briefs propose of those, the brief attached (labelled related)',
);
for (const i of items) {
  const self = day[i]!;
  // What briefs weigh for an item without an embedding (brief-items.ts computeRelated).
  const proposed = new Set(pool.themeNeighbours(i));
  const cands = candidates(i);
  const related = cands.filter((j) => {
    const l = labelOf(i, j);
    if (l === undefined) unlabelled += 1;
    return l === true;
  });
  const showsOf = (js: number[]) => new Set(js.map((j) => day[j]!.feedId)).size;
  const accepted = related.filter((j) => isRelatedEvidence(pool.tellingEvidence(i, j)));
  const got = [...(attached.get(self.id) ?? [])].map(at);
  const right = got.filter((j) => labelOf(i, j) === true).length;
  relatedShows.set(self.id, showsOf(related));
  totals.items += 1;
  totals.withRelated += related.length > 0 ? 1 : 0;
  totals.relatedShows += showsOf(related);
  totals.ruleShows += showsOf(accepted);
  totals.proposedShows += showsOf(accepted.filter((j) => proposed.has(j)));
  totals.attached += got.length;
  totals.attachedRight += right;
  console.log(
    `  [${self.podcastTitle}] ${self.headline.slice(0, 60)}: ${cands.length} candidates, ${related.length} related (${showsOf(related)} shows), ` +
      `rule ${accepted.length} (${showsOf(accepted)}), proposed ${accepted.filter((j) => proposed.has(j)).length}, attached ${got.length} (${right} related)`,
  );
}
for (const b of briefs) {
  const ceiling = b.items.reduce((sum, it) => sum + (relatedShows.get(it.insightId) ?? 0), 0);
  const got = b.items.reduce((sum, it) => sum + it.related.length, 0);
  console.log(
    `  brief ${b.profile} ${b.date}: related attached ${got}, labelled-related shows under its items ${ceiling}`,
  );
}
console.log(
  `${totals.items} distinct brief items, ${totals.withRelated} with a labelled-related candidate; related shows ${totals.relatedShows}, ` +
    `of them the rule accepts ${totals.ruleShows}, proposed and accepted ${totals.proposedShows}; attached ${totals.attached} (${totals.attachedRight} related)` +
    (unlabelled ? `; ${unlabelled} candidate pairs unlabelled` : ''),
);
