/**
 * How a brief should weigh an insight's quality against others of its show: for each eval-public
 * show, its episodes' top-5 insights pooled (as in a brief pool where they are equally fresh),
 * ordered either by score (quality relative to the show's best) or by score against the
 * episode's best (what brief-pool.ts did before); prints how many of the first k (one and two per
 * episode) match a reference point of their episode. Nothing is tuned: each show is its own test.
 *
 *   npx tsx bench/pool-quality.ts [--show=misfit]   (--show also lists that show's pooled insights)
 */
import { corpusPath } from '../test/corpus.js';
import { readTranscriptFile } from '../src/transcripts/index.js';
import { extractInsights } from '../src/insights/extract.js';
import {
  bagOf,
  discoverEpisodes,
  isMatch,
  readReferences,
  repeatsByEpisode,
  showOf,
} from '../src/insights/eval/index.js';

interface Row {
  show: string;
  episode: string;
  score: number;
  matched: boolean;
  text: string;
}

const listShow = process.argv.find((a) => a.startsWith('--show='))?.slice('--show='.length);
const { folders } = await discoverEpisodes(corpusPath('eval-public'));
const transcripts = await Promise.all(
  folders.map(async (f) => ({ episode: f.episode, transcript: await readTranscriptFile(f.transcript) })),
);
const repeats = repeatsByEpisode(transcripts);
const rows: Row[] = [];
for (const [i, f] of folders.entries()) {
  const transcript = transcripts[i]?.transcript;
  if (!transcript) continue;
  const refs = (await readReferences(f.reference)).map(bagOf);
  for (const x of extractInsights(transcript, { top: 5, ...(repeats[i] ? { repeats: repeats[i] } : {}) }))
    rows.push({
      show: showOf(f.episode),
      episode: f.episode,
      score: x.score,
      matched: refs.some((r) => isMatch(bagOf(x.text), r)),
      text: x.text,
    });
}
const episodeBest = new Map<string, number>();
for (const r of rows) episodeBest.set(r.episode, Math.max(episodeBest.get(r.episode) ?? 0, r.score));
const orders: Record<string, (r: Row) => number> = {
  'against the show (score)': (r) => r.score,
  "against the episode's best": (r) => r.score / (episodeBest.get(r.episode) ?? 1),
};
const totals = new Map<string, number[]>();
for (const show of new Set(rows.map((r) => r.show))) {
  const ofShow = rows.filter((r) => r.show === show);
  const episodes = new Set(ofShow.map((r) => r.episode)).size;
  const ks = [episodes, 2 * episodes];
  console.log(
    `${show}: ${episodes} episodes, ${ofShow.filter((r) => r.matched).length}/${ofShow.length} insights match`,
  );
  for (const [name, key] of Object.entries(orders)) {
    const ordered = [...ofShow].sort((a, b) => key(b) - key(a));
    const hits = ks.map((k) => ordered.slice(0, k).filter((r) => r.matched).length);
    const sum = totals.get(name) ?? [0, 0, 0, 0];
    totals.set(name, [sum[0]! + hits[0]!, sum[1]! + ks[0]!, sum[2]! + hits[1]!, sum[3]! + ks[1]!]);
    console.log(`  ${name}: first ${ks[0]} ${hits[0]}/${ks[0]}, first ${ks[1]} ${hits[1]}/${ks[1]}`);
  }
}
for (const [name, [a, n, b, m]] of totals)
  console.log(`all shows, ${name}: ${a}/${n} (one per episode), ${b}/${m} (two)`);
if (listShow)
  for (const r of rows.filter((x) => x.show === listShow).sort((a, b) => b.score - a.score))
    console.log(
      `${r.score.toFixed(3)} ${(r.score / (episodeBest.get(r.episode) ?? 1)).toFixed(2)} ${r.matched ? 'M' : ' '} ${r.episode} ${r.text.slice(0, 90)}`,
    );
