import { parseFeedDate } from './dates.js';
import { itunesCategory, rssCategory } from './categories.js';
import { itunesChannel, itunesItem } from './itunes.js';
import { mediaChannel, mediaItem } from './media-rss.js';
import { podcastChannel, podcastItem } from './podcast-namespace.js';
import {
  applyHandlers,
  child,
  setOnce,
  type EpisodeDraft,
  type FeedDraft,
  type ParseContext,
  type TagHandler,
} from './registry.js';
import { cleanLine, htmlToText, notesHtml, plainTitle, textOf, LIMITS } from './text.js';
import { showNotes, type NotesSource } from './show-notes.js';
import { cleanUrl } from './urls.js';
import type { XmlNode } from './xml-tree.js';

const RSS = 'https://www.rssboard.org/rss-specification';
const CONTENT = 'https://web.resource.org/rss/1.0/modules/content/';
const DC = 'https://www.dublincore.org/specifications/dublin-core/dcmi-terms/';

/** Show notes are HTML; some feeds forget to escape it, so take nested elements' text too. */
function htmlSource(node: XmlNode): NotesSource {
  return () => htmlToText(notesHtml(node)) || undefined;
}

function htmlField(node: XmlNode): string | undefined {
  return htmlSource(node)();
}

type F = FeedDraft;
type E = EpisodeDraft;

const channelHandlers: TagHandler<F>[] = [
  setOnce<F, 'title'>('title', RSS, 'title', (n) => plainTitle(textOf(n))),
  setOnce<F, 'link'>('link', RSS, 'link', (n, ctx) => cleanUrl(textOf(n), ctx.baseUrl)),
  setOnce<F, 'description'>('description', RSS, 'description', htmlField),
  itunesChannel.summary,
  setOnce<F, 'language'>('language', RSS, 'language', (n) => cleanLine(textOf(n), 35)),
  setOnce<F, 'language'>('dc:language', DC, 'language', (n) => cleanLine(textOf(n), 35)),
  itunesChannel.image,
  setOnce<F, 'imageUrl'>('image', RSS, 'imageUrl', (n, ctx) => cleanUrl(textOf(child(n, 'url')), ctx.baseUrl)),
  mediaChannel.thumbnail,
  itunesChannel.author,
  setOnce<F, 'author'>('dc:creator', DC, 'author', (n) => plainTitle(textOf(n), LIMITS.name)),
  itunesChannel.newFeedUrl,
  podcastChannel.guid,
  podcastChannel.locked,
  podcastChannel.person,
  podcastChannel.trailer,
  itunesCategory,
  rssCategory,
  setOnce<F, 'ttlMinutes'>('ttl', RSS, 'ttlMinutes', (n) => {
    const minutes = Number(textOf(n).trim());
    return Number.isInteger(minutes) && minutes > 0 && minutes <= 60 * 24 * 365 ? minutes : undefined;
  }),
];

const enclosure: TagHandler<E> = {
  tag: 'enclosure',
  spec: RSS,
  apply(n, e, ctx) {
    if (e.audioUrl) return;
    const url = cleanUrl(n.attrs.url, ctx.baseUrl);
    if (!url) return;
    e.audioUrl = url;
    const type = cleanLine(n.attrs.type ?? '', LIMITS.short).toLowerCase();
    if (type) e.audioType = type;
    const length = Number(n.attrs.length);
    if (Number.isSafeInteger(length) && length > 0) e.audioLength = length;
  },
};

const itemHandlers: TagHandler<E>[] = [
  setOnce<E, 'title'>('title', RSS, 'title', (n) => plainTitle(textOf(n))),
  itunesItem.title,
  setOnce<E, 'rawGuid'>('guid', RSS, 'rawGuid', (n) => textOf(n).trim().slice(0, 2048)),
  setOnce<E, 'link'>('link', RSS, 'link', (n, ctx) => cleanUrl(textOf(n), ctx.baseUrl)),
  setOnce<E, 'rawDate'>('pubdate', RSS, 'rawDate', (n) => textOf(n).trim().slice(0, 100)),
  setOnce<E, 'publishedAt'>('pubdate', RSS, 'publishedAt', (n) => parseFeedDate(textOf(n))),
  setOnce<E, 'rawDate'>('dc:date', DC, 'rawDate', (n) => textOf(n).trim().slice(0, 100)),
  setOnce<E, 'publishedAt'>('dc:date', DC, 'publishedAt', (n) => parseFeedDate(textOf(n))),
  showNotes('content:encoded', CONTENT, htmlSource),
  showNotes('description', RSS, htmlSource),
  itunesItem.summary,
  mediaItem.description,
  enclosure,
  mediaItem.content,
  mediaItem.group,
  itunesItem.duration,
  itunesItem.image,
  mediaItem.thumbnail,
  itunesItem.season,
  itunesItem.episode,
  podcastItem.season,
  podcastItem.episode,
  itunesItem.episodeType,
  podcastItem.transcript,
  podcastItem.chapters,
  podcastItem.person,
];

const SY_PERIOD_MINUTES: Record<string, number> = {
  hourly: 60,
  daily: 1440,
  weekly: 10080,
  monthly: 43200,
  yearly: 525600,
};

// sy:updatePeriod/sy:updateFrequency only mean something together, so they are read as a pair.
function syndicationTtl(channel: XmlNode): number | undefined {
  const period = SY_PERIOD_MINUTES[textOf(child(channel, 'sy:updateperiod')).trim().toLowerCase()];
  if (!period) return undefined;
  const frequency = Number(textOf(child(channel, 'sy:updatefrequency')).trim() || '1');
  return Number.isInteger(frequency) && frequency > 0 ? Math.max(1, Math.round(period / frequency)) : undefined;
}

/** RSS 2.0 (and RSS 1.0/RDF, whose items sit beside the channel): the channel's and an item's handlers. */
export const rss = {
  channel(channel: XmlNode, feed: FeedDraft, ctx: ParseContext): void {
    applyHandlers(channelHandlers, channel, feed, ctx);
    feed.ttlMinutes ??= syndicationTtl(channel);
  },
  item(node: XmlNode, ep: EpisodeDraft, ctx: ParseContext): void {
    applyHandlers(itemHandlers, node, ep, ctx);
  },
};
