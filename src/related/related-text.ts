import type { StoredInsight } from '../model/insight.js';

/** What the related rule reads of an insight: its text and how much of it states the theme. */
export interface RelatedText {
  /** The headline as shown, then the text. */
  text: string;
  /** Characters of `text` that are the headline (PoolItem.headlineLength). */
  headlineLength: number;
}

/**
 * The headline as the reader sees it, a neutral one included: that is the episode's title, and for
 * an insight with no claim of its own (most show notes) the title is what states its theme. Leaving
 * it out put every such insight (30% of the bench day's pool) beyond any related list, since a
 * related pair needs a telling word named by both headlines. Only its words that the text also
 * uses can count (telling words come from the indexed features, indexText).
 */
export function relatedText(insight: Pick<StoredInsight, 'headline' | 'text'>): RelatedText {
  return { text: `${insight.headline}. ${insight.text}`, headlineLength: insight.headline.length };
}
