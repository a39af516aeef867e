/**
 * The labelled related pairs of `npm run eval:related-pairs` and the insight dump they point into
 * (bench/labelled/). How they were made is told in bench/labelled/README.md.
 */
import { readFileSync } from 'node:fs';

/** One insight of the bench:day store, as `npm run bench:day -- --dump-insights` writes it. */
export interface DumpedInsight {
  id: number;
  feedId: number;
  episodeId: number;
  podcastTitle: string;
  episodeTitle: string;
  headline: string;
  text: string;
  fromShowNotes?: boolean;
}

/** One brief of bench:day as `--dump-briefs` writes it: its items' insight ids, each with its related ones. */
export interface DumpedBrief {
  profile: string;
  date: string;
  items: Array<{ insightId: number; related: number[] }>;
}

/** A pair of insights from two shows, judged by reading both: on the same theme or not. */
export interface LabelledPair {
  a: number;
  b: number;
  related: boolean;
  /** The dump (in bench/labelled/) its ids point into; DAY_INSIGHTS when absent. */
  dump?: string;
}

/** The first dump, which rounds 1–4 point into. */
export const DAY_INSIGHTS = 'day-insights.json';

const DATA = new URL('./labelled/', import.meta.url);

export function readDump(file = DAY_INSIGHTS): DumpedInsight[] {
  return JSON.parse(readFileSync(new URL(file, DATA), 'utf8')) as DumpedInsight[];
}

export function readLabelledPairs(): LabelledPair[] {
  return JSON.parse(readFileSync(new URL('related-pairs.json', DATA), 'utf8')) as LabelledPair[];
}
