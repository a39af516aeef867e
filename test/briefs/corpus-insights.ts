import { readEvalEpisodes } from '../../src/related/eval/labelled-sets.js';
import type { InsightWithContext } from '../../src/store/types.js';
import { corpusPath } from '../corpus.js';

/**
 * Insights made of real text: the producer-written key points of eval-public episodes, one
 * show per episode (so the theme of an insight is its episode), first seen `daysAgo` before now.
 */
export function corpusInsights(
  episodes: string[],
  now: Date,
  opts: { daysAgo?: number; firstId?: number; keep?: (position: number) => boolean } = {},
): InsightWithContext[] {
  const all = readEvalEpisodes(corpusPath('eval-public'));
  const seen = new Date(now.getTime() - (opts.daysAgo ?? 0.5) * 86_400_000).toISOString();
  let id = opts.firstId ?? 1;
  return episodes.flatMap((name) => {
    const e = all.find((x) => x.episode === name);
    if (!e) throw new Error(`no eval-public episode ${name}`);
    const feedId = all.indexOf(e) + 1;
    return e.bullets.flatMap((text, position) =>
      opts.keep && !opts.keep(position)
        ? []
        : [
            {
              id: id++,
              episodeId: feedId * 100 + Math.round(opts.daysAgo ?? 0),
              feedId,
              text,
              headline: text.split(' ').slice(0, 8).join(' '),
              quote: text,
              start: 60 * position,
              end: 60 * position + 30,
              score: 1 - position * 0.01,
              podcastTitle: e.episode,
              episodeTitle: `${e.episode} (${position})`,
              episodeLink: `https://shows.example/${e.episode}`,
              audioUrl: null,
              publishedAt: seen,
              firstSeenAt: seen,
              extractedAt: seen,
            },
          ],
    );
  });
}
