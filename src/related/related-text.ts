import type { InsightWithContext } from '../store/types.js';

/** What the related rule reads of an insight: its text and how much of it states the theme. */
export interface RelatedText {
  /** The episode's title and the headline as shown, then the text. */
  text: string;
  /** Characters of `text` that state the theme: the title and the headline (PoolItem.headlineLength). */
  headlineLength: number;
}

/**
 * A related pair needs a telling word named where both items state their theme. That is the
 * headline as the reader sees it, a neutral one (the episode's title) included, and the episode's
 * title itself: a show-notes headline is often a line naming the guests ("Galen speaks with …")
 * while the title names the subject. Only title and headline words the text's indexed features
 * also have can count (telling words come from indexText). Measured by `npm run eval:related-pairs`.
 */
export function relatedText(insight: Pick<InsightWithContext, 'episodeTitle' | 'headline' | 'text'>): RelatedText {
  const theme = `${insight.episodeTitle}. ${insight.headline}`;
  return { text: `${theme}. ${insight.text}`, headlineLength: theme.length };
}
