import { parseFeedDate } from './dates.js';
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
import { cleanLine, deepTextOf, htmlToText, plainTitle, textOf, LIMITS } from './text.js';
import { showNotes } from './show-notes.js';
import { cleanUrl } from './urls.js';
import type { XmlNode } from './xml-tree.js';

const ATOM = 'https://www.rfc-editor.org/rfc/rfc4287';

type F = FeedDraft;
type E = EpisodeDraft;

/** RFC 4287 §3.1 text constructs: type="text" (default), "html" (escaped), or "xhtml" (inline elements). */
function atomTextSource(node: XmlNode, max: number): () => string {
  const type = (node.attrs.type ?? 'text').toLowerCase();
  if (type === 'xhtml' || type.includes('xhtml')) return () => htmlToText(deepTextOf(node), max);
  if (type === 'html' || type.includes('html')) return () => htmlToText(textOf(node), max);
  return () => htmlToText(textOf(node).replace(/</g, '&lt;'), max);
}

function atomText(node: XmlNode, max: number): string {
  return atomTextSource(node, max)();
}

const atomNotes = (tag: string) => showNotes(tag, ATOM, (n) => atomTextSource(n, LIMITS.description));

/** `<link>` without rel means rel="alternate" (RFC 4287 §4.2.7.2). */
function alternateLink<T extends { link?: string }>(): TagHandler<T> {
  return {
    tag: 'link',
    spec: `${ATOM}#section-4.2.7.2`,
    apply(n, into, ctx) {
      if (into.link !== undefined || (n.attrs.rel ?? 'alternate').toLowerCase() !== 'alternate') return;
      const url = cleanUrl(n.attrs.href, ctx.baseUrl);
      if (url) into.link = url;
    },
  };
}

const enclosureLink: TagHandler<E> = {
  tag: 'link',
  spec: `${ATOM}#section-4.2.7.2`,
  apply(n, e, ctx) {
    if (e.audioUrl || (n.attrs.rel ?? '').toLowerCase() !== 'enclosure') return;
    const url = cleanUrl(n.attrs.href, ctx.baseUrl);
    if (!url) return;
    e.audioUrl = url;
    const type = cleanLine(n.attrs.type ?? '', LIMITS.short).toLowerCase();
    if (type) e.audioType = type;
    const length = Number(n.attrs.length);
    if (Number.isSafeInteger(length) && length > 0) e.audioLength = length;
  },
};

const feedHandlers: TagHandler<F>[] = [
  setOnce<F, 'title'>('title', ATOM, 'title', (n) => cleanLine(atomText(n, LIMITS.title))),
  alternateLink<F>(),
  setOnce<F, 'description'>('subtitle', ATOM, 'description', (n) => atomText(n, LIMITS.description)),
  itunesChannel.summary,
  itunesChannel.image,
  setOnce<F, 'imageUrl'>('logo', ATOM, 'imageUrl', (n, ctx) => cleanUrl(textOf(n), ctx.baseUrl)),
  setOnce<F, 'imageUrl'>('icon', ATOM, 'imageUrl', (n, ctx) => cleanUrl(textOf(n), ctx.baseUrl)),
  mediaChannel.thumbnail,
  itunesChannel.author,
  setOnce<F, 'author'>('author', ATOM, 'author', (n) => plainTitle(textOf(child(n, 'name')), LIMITS.name)),
  itunesChannel.newFeedUrl,
  podcastChannel.guid,
  podcastChannel.locked,
  podcastChannel.person,
  podcastChannel.trailer,
];

const entryHandlers: TagHandler<E>[] = [
  setOnce<E, 'title'>('title', ATOM, 'title', (n) => cleanLine(atomText(n, LIMITS.title))),
  itunesItem.title,
  setOnce<E, 'rawGuid'>('id', ATOM, 'rawGuid', (n) => textOf(n).trim().slice(0, 2048)),
  alternateLink<E>(),
  setOnce<E, 'rawDate'>('published', ATOM, 'rawDate', (n) => textOf(n).trim().slice(0, 100)),
  setOnce<E, 'publishedAt'>('published', ATOM, 'publishedAt', (n) => parseFeedDate(textOf(n))),
  setOnce<E, 'rawDate'>('updated', ATOM, 'rawDate', (n) => textOf(n).trim().slice(0, 100)),
  setOnce<E, 'publishedAt'>('updated', ATOM, 'publishedAt', (n) => parseFeedDate(textOf(n))),
  atomNotes('content'),
  atomNotes('summary'),
  itunesItem.summary,
  mediaItem.description,
  enclosureLink,
  mediaItem.content,
  mediaItem.group,
  itunesItem.duration,
  itunesItem.image,
  mediaItem.thumbnail,
  itunesItem.season,
  itunesItem.episode,
  itunesItem.episodeType,
  podcastItem.transcript,
  podcastItem.chapters,
  podcastItem.person,
];

/** Atom (RFC 4287): the feed element's and an entry's handlers. */
export const atom = {
  feed(root: XmlNode, feed: FeedDraft, ctx: ParseContext): void {
    applyHandlers(feedHandlers, root, feed, ctx);
    const lang = root.attrs['xml:lang'];
    if (lang) feed.language ??= cleanLine(lang, 35);
  },
  entry(node: XmlNode, ep: EpisodeDraft, ctx: ParseContext): void {
    applyHandlers(entryHandlers, node, ep, ctx);
  },
};
