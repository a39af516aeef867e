import type { Brief, BriefItem, RelatedItem } from '../model/brief.js';
import { AppError } from '../model/errors.js';
import { formatBriefDate, formatTimestamp } from './brief-format.js';
import { cleanText, safeHttpUrl, truncate } from './safe-text.js';

/**
 * The brief reduced to clean, display-ready strings, shared by the HTML and text renderers so
 * both parts always say the same thing. Text here is NOT HTML-escaped; URLs are http(s) only.
 */
export interface BriefView {
  dateLabel: string;
  items: ItemView[];
  unsubscribeUrl: string;
  preferencesUrl: string;
  recipient: string;
}

export interface ItemView {
  number: number;
  headline: string;
  podcastTitle: string;
  episodeTitle: string;
  text: string;
  quote: string;
  speaker?: string;
  time?: string;
  timeUrl?: string;
  reason?: string;
  related: RelatedView[];
}

export interface RelatedView {
  headline: string;
  text: string;
  podcastTitle: string;
  episodeTitle: string;
  url?: string;
}

const RELATED_TEXT_MAX = 220;

function optional(value: string | undefined): string | undefined {
  return cleanText(value) || undefined;
}

function relatedView(related: RelatedItem): RelatedView {
  return {
    headline: cleanText(related.headline) || truncate(cleanText(related.text), 90),
    text: truncate(cleanText(related.text), RELATED_TEXT_MAX),
    podcastTitle: cleanText(related.podcastTitle),
    episodeTitle: cleanText(related.episodeTitle),
    url: safeHttpUrl(related.timestampUrl),
  };
}

function itemView(item: BriefItem, index: number): ItemView {
  return {
    number: index + 1,
    headline: cleanText(item.headline),
    podcastTitle: cleanText(item.podcastTitle),
    episodeTitle: cleanText(item.episodeTitle),
    text: cleanText(item.text),
    quote: cleanText(item.quote),
    speaker: optional(item.speaker),
    time: formatTimestamp(item.start),
    timeUrl: safeHttpUrl(item.timestampUrl),
    reason: optional(item.reason),
    related: (item.related ?? []).map(relatedView).filter((r) => r.headline || r.text),
  };
}

export function toBriefView(
  brief: Brief,
  links: { unsubscribeUrl: string; preferencesUrl: string },
  recipient: string,
): BriefView {
  if (brief.items.length === 0) {
    throw new AppError('empty_brief', `Brief ${brief.id} has no items; nothing to send`);
  }
  return {
    dateLabel: formatBriefDate(brief.date),
    items: brief.items.map(itemView),
    unsubscribeUrl: links.unsubscribeUrl,
    preferencesUrl: links.preferencesUrl,
    recipient,
  };
}
