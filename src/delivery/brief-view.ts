import type { AlsoOn, Brief, BriefItem, RelatedItem } from '../model/brief.js';
import { AppError } from '../model/errors.js';
import { isNeutralHeadline } from '../model/neutral-headline.js';
import { formatBriefDate, formatTimestamp } from './brief-format.js';
import { sameSaying } from './same-words.js';
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
  /**
   * The verbatim quote, or '' when there is none to show: show notes, or a quote that says the
   * text's words again (up to disfluencies). The speaker and time then follow the text.
   */
  quote: string;
  speaker?: string;
  time?: string;
  timeUrl?: string;
  reason?: string;
  /** Taken from the episode's show notes: no quote, time or speaker, and labelled so. */
  fromShowNotes: boolean;
  related: RelatedView[];
  /** Other shows that made the same point. */
  alsoOn: AlsoOnView[];
  /** Signed 👍 / 👎 / more / less links, when the email carries them. */
  feedback?: FeedbackUrls;
}

export interface FeedbackUrls {
  up: string;
  down: string;
  more: string;
  less: string;
}

/** Per-item links only the subscriber's own copy carries (feedback, a click-recording listen link). */
export type ItemLinks = (item: BriefItem) => { feedback?: FeedbackUrls; listenUrl?: string };

export interface RelatedView {
  headline: string;
  text: string;
  podcastTitle: string;
  episodeTitle: string;
  url?: string;
  /** agrees / contradicts / extends, where it could be told. */
  relation?: string;
  fromShowNotes: boolean;
}

export interface AlsoOnView {
  podcastTitle: string;
  episodeTitle: string;
  url?: string;
}

const RELATED_TEXT_MAX = 220;

function optional(value: string | undefined): string | undefined {
  return cleanText(value) || undefined;
}

function relatedView(related: RelatedItem): RelatedView {
  const headline = cleanText(related.headline);
  const text = truncate(cleanText(related.text), RELATED_TEXT_MAX);
  return {
    // Without a headline of its own the text is the line to follow, once, not a cut of it above it.
    headline: headline || text,
    text: headline ? text : '',
    podcastTitle: cleanText(related.podcastTitle),
    episodeTitle: cleanText(related.episodeTitle),
    url: safeHttpUrl(related.timestampUrl),
    ...(related.relation ? { relation: related.relation } : {}),
    fromShowNotes: related.fromShowNotes === true,
  };
}

function alsoOnView(a: AlsoOn): AlsoOnView {
  return {
    podcastTitle: cleanText(a.podcastTitle),
    episodeTitle: cleanText(a.episodeTitle),
    url: safeHttpUrl(a.timestampUrl),
  };
}

function itemView(item: BriefItem, index: number, links?: ItemLinks): ItemView {
  const extra = links?.(item) ?? {};
  // Show notes have no moment to link, no speaker and nothing said to quote.
  const notes = item.fromShowNotes === true;
  return {
    number: index + 1,
    headline: cleanText(item.headline),
    podcastTitle: cleanText(item.podcastTitle),
    // A neutral headline ("From “<episode title>”") already names the episode.
    episodeTitle: isNeutralHeadline(item.headline) ? '' : cleanText(item.episodeTitle),
    text: cleanText(item.text),
    quote: notes || sameSaying(item.text, item.quote) ? '' : cleanText(item.quote),
    speaker: notes ? undefined : optional(item.speaker),
    time: notes ? undefined : formatTimestamp(item.start),
    // The recording link only stands in for a timestamp URL that exists.
    timeUrl: !notes && safeHttpUrl(item.timestampUrl) ? safeHttpUrl(extra.listenUrl ?? item.timestampUrl) : undefined,
    reason: optional(item.reason),
    fromShowNotes: notes,
    related: (item.related ?? []).map(relatedView).filter((r) => r.headline || r.text),
    alsoOn: (item.alsoOn ?? []).map(alsoOnView).filter((a) => a.podcastTitle),
    ...(extra.feedback ? { feedback: extra.feedback } : {}),
  };
}

export function toBriefView(
  brief: Brief,
  links: { unsubscribeUrl: string; preferencesUrl: string; itemLinks?: ItemLinks },
  recipient: string,
): BriefView {
  if (brief.items.length === 0) {
    throw new AppError('empty_brief', `Brief ${brief.id} has no items; nothing to send`);
  }
  return {
    dateLabel: formatBriefDate(brief.date),
    items: brief.items.map((item, i) => itemView(item, i, links.itemLinks)),
    unsubscribeUrl: links.unsubscribeUrl,
    preferencesUrl: links.preferencesUrl,
    recipient,
  };
}
