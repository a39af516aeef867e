import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReferences } from '../../insights/eval/references.js';
import type { RelateInput } from '../../model/insight.js';

/** An item whose true theme is known: the episode its text came from. */
interface LabelledItem extends RelateInput {
  theme: string;
}

export interface LabelledSet {
  name: string;
  items: LabelledItem[];
}

export type Split = 'tuning' | 'held-out';

/**
 * Episodes nobody tuned on: relate.test.ts and the threshold search use only the tuning split.
 * Chosen per show so both splits hold every field (cloud-native tech, product, fitness).
 */
const HELD_OUT = new Set([
  'podlets-004-observability',
  'podlets-009-stateful-and-stateless',
  'podlets-011-ci-and-cd-in-cloud-native',
  'podlets-016-cloud-native-apps',
  'podlets-022-orchestrators-and-runtimes',
  'lennys-podcast-aishwarya-naresh-reganti-kiriti-badam',
  'lennys-podcast-rachel-lockett',
  'misfit-podcast-e389-open-workout-26-1-live',
  'misfit-podcast-e398-kitchen-sink-episode-ag-semifinals',
]);

export interface EpisodeRefs {
  episode: string;
  show: string;
  bullets: string[];
}

export function readEvalEpisodes(evalDir: string): EpisodeRefs[] {
  return readdirSync(evalDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((episode) => ({
      episode,
      show: episode.split('-')[0] ?? episode,
      bullets: parseReferences(readFileSync(join(evalDir, episode, 'reference.md'), 'utf8')),
    }));
}

/**
 * Sets of six themes each: three episodes of one cloud-native show (near-topic hard negatives:
 * same field and hosts, different theme), two of a fitness show (same field again) and one
 * product episode, rotated so every episode of the split appears. Items are interleaved.
 */
export function labelledSets(episodes: EpisodeRefs[], split: Split): LabelledSet[] {
  const inSplit = episodes.filter((e) => HELD_OUT.has(e.episode) === (split === 'held-out'));
  const byShow = (show: string) => inSplit.filter((e) => e.show === show);
  const podlets = byShow('podlets');
  const misfit = byShow('misfit');
  const lenny = byShow('lennys');
  const sets: LabelledSet[] = [];
  for (let k = 0; k < podlets.length; k += 1) {
    const chosen = [
      podlets[k],
      podlets[(k + 1) % podlets.length],
      podlets[(k + 2) % podlets.length],
      misfit[k % misfit.length],
      misfit[(k + 1) % misfit.length],
      lenny[k % lenny.length],
    ].filter((e, i, all): e is EpisodeRefs => e !== undefined && all.indexOf(e) === i);
    const items = chosen.flatMap((e) =>
      e.bullets.map((text, i) => ({ id: `${e.episode}#${i}`, text, theme: e.episode })),
    );
    sets.push({ name: `${split}-${k + 1}`, items: interleave(items) });
  }
  return sets;
}

/** A fixed pseudo-random order, so themes are mixed and input order carries no label. */
function interleave<T>(items: T[]): T[] {
  return items
    .map((x, i) => [(i * 7919 + 13) % 10007, x] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, x]) => x);
}
