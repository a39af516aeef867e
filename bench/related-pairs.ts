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

/** A pair of insights from two shows, judged by reading both: on the same theme or not. */
export interface LabelledPair {
  a: number;
  b: number;
  related: boolean;
}

const DATA = new URL('./labelled/', import.meta.url);

export function readDump(): DumpedInsight[] {
  return JSON.parse(readFileSync(new URL('day-insights.json', DATA), 'utf8')) as DumpedInsight[];
}

export function readLabelledPairs(): LabelledPair[] {
  return JSON.parse(readFileSync(new URL('related-pairs.json', DATA), 'utf8')) as LabelledPair[];
}
