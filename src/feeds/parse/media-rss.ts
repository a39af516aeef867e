import type { EpisodeDraft, FeedDraft, ParseContext, TagHandler } from './registry.js';
import type { XmlNode } from './xml-tree.js';
import { htmlToText, textOf } from './text.js';
import { showNotes } from './show-notes.js';
import { cleanUrl } from './urls.js';

const SPEC = 'https://www.rssboard.org/media-rss';

function isPlayable(node: XmlNode): boolean {
  const type = (node.attrs.type ?? '').toLowerCase();
  const medium = (node.attrs.medium ?? '').toLowerCase();
  return type.startsWith('audio/') || type.startsWith('video/') || medium === 'audio' || medium === 'video';
}

function applyContent(node: XmlNode, ep: EpisodeDraft, ctx: ParseContext): void {
  if (ep.audioUrl || !isPlayable(node)) return;
  const url = cleanUrl(node.attrs.url, ctx.baseUrl);
  if (!url) return;
  ep.audioUrl = url;
  if (node.attrs.type) ep.audioType = node.attrs.type.trim().toLowerCase();
  const size = Number(node.attrs.filesize);
  if (Number.isSafeInteger(size) && size > 0) ep.audioLength = size;
  const duration = Number(node.attrs.duration);
  if (Number.isFinite(duration) && duration > 0 && duration < 360_000) ep.durationSeconds ??= Math.round(duration);
}

function thumbnail(node: XmlNode, ctx: ParseContext): string | undefined {
  return cleanUrl(node.attrs.url, ctx.baseUrl);
}

const content: TagHandler<EpisodeDraft> = { tag: 'media:content', spec: SPEC, apply: applyContent };
const itemThumbnail: TagHandler<EpisodeDraft> = {
  tag: 'media:thumbnail',
  spec: SPEC,
  apply(node, ep, ctx) {
    ep.imageUrl ??= thumbnail(node, ctx);
  },
};
const description = showNotes('media:description', SPEC, (node) => () => htmlToText(textOf(node)) || undefined);

export const mediaItem = {
  content,
  thumbnail: itemThumbnail,
  description,
  /** media:group wraps the same elements (YouTube, PeerTube). */
  group: {
    tag: 'media:group',
    spec: SPEC,
    apply(node, ep, ctx) {
      for (const c of node.children) {
        if (c.name === 'media:content') applyContent(c, ep, ctx);
        else if (c.name === 'media:thumbnail') itemThumbnail.apply(c, ep, ctx);
        else if (c.name === 'media:description') description.apply(c, ep, ctx);
      }
    },
  },
} satisfies Record<string, TagHandler<EpisodeDraft>>;

export const mediaChannel = {
  thumbnail: {
    tag: 'media:thumbnail',
    spec: SPEC,
    apply(node, feed, ctx) {
      feed.imageUrl ??= thumbnail(node, ctx);
    },
  },
} satisfies Record<string, TagHandler<FeedDraft>>;
