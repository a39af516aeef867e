import type { Person, TranscriptLink } from '../../model/feed.js';
import { setOnce, type EpisodeDraft, type FeedDraft, type ParseContext, type TagHandler } from './registry.js';
import { smallCount } from './itunes.js';
import type { XmlNode } from './xml-tree.js';
import { cleanLine, textOf, LIMITS } from './text.js';
import { cleanUrl } from './urls.js';

const SPEC = 'https://podcastindex.org/namespace/1.0';
const MAX_TRANSCRIPTS = 20;
const MAX_PERSONS = 50;
/** One per season at most, in practice. */
const MAX_TRAILERS = 20;

const TYPE_BY_EXTENSION: Record<string, string> = {
  srt: 'application/srt',
  vtt: 'text/vtt',
  json: 'application/json',
  html: 'text/html',
  htm: 'text/html',
  txt: 'text/plain',
};

function guessType(url: string): string {
  const ext = /\.([a-z0-9]{2,4})(?:$|[?#])/i.exec(new URL(url).pathname)?.[1]?.toLowerCase();
  return (ext && TYPE_BY_EXTENSION[ext]) ?? 'application/octet-stream';
}

function transcriptLink(node: XmlNode, ctx: ParseContext): TranscriptLink | undefined {
  const url = cleanUrl(node.attrs.url, ctx.baseUrl);
  if (!url) return undefined;
  const link: TranscriptLink = {
    url,
    type: cleanLine(node.attrs.type ?? '', LIMITS.short).toLowerCase() || guessType(url),
  };
  const language = cleanLine(node.attrs.language ?? '', 35);
  const rel = cleanLine(node.attrs.rel ?? '', 35);
  if (language) link.language = language;
  if (rel) link.rel = rel;
  return link;
}

function person(node: XmlNode, ctx: ParseContext): Person | undefined {
  const name = cleanLine(textOf(node), LIMITS.name);
  if (!name) return undefined;
  const p: Person = { name };
  const role = cleanLine(node.attrs.role ?? '', 50).toLowerCase();
  const group = cleanLine(node.attrs.group ?? '', 50).toLowerCase();
  const href = cleanUrl(node.attrs.href, ctx.baseUrl);
  const img = cleanUrl(node.attrs.img, ctx.baseUrl);
  if (role) p.role = role;
  if (group) p.group = group;
  if (href) p.href = href;
  if (img) p.img = img;
  return p;
}

export const podcastChannel = {
  guid: setOnce<FeedDraft, 'podcastGuid'>('podcast:guid', `${SPEC}#guid`, 'podcastGuid', (n) =>
    cleanLine(textOf(n), LIMITS.short),
  ),
  locked: {
    // Only yes/no is kept: the owner attribute is an email we must never store.
    tag: 'podcast:locked',
    spec: `${SPEC}#locked`,
    apply(node, feed) {
      const value = textOf(node).trim().toLowerCase();
      if (value === 'yes' || value === 'no') feed.locked ??= value === 'yes';
    },
  },
  person: {
    tag: 'podcast:person',
    spec: `${SPEC}#person`,
    apply(node, feed, ctx) {
      const p = person(node, ctx);
      if (p && feed.persons.length < MAX_PERSONS) feed.persons.push(p);
    },
  },
  trailer: {
    tag: 'podcast:trailer',
    spec: `${SPEC}#trailer`,
    apply(node, feed, ctx) {
      const url = cleanUrl(node.attrs.url, ctx.baseUrl);
      if (!url) return;
      feed.trailerUrls ??= [];
      if (feed.trailerUrls.length < MAX_TRAILERS && !feed.trailerUrls.includes(url)) feed.trailerUrls.push(url);
    },
  },
} satisfies Record<string, TagHandler<FeedDraft>>;

export const podcastItem = {
  transcript: {
    tag: 'podcast:transcript',
    spec: `${SPEC}#transcript`,
    apply(node, ep, ctx) {
      const link = transcriptLink(node, ctx);
      if (link && ep.transcripts.length < MAX_TRANSCRIPTS && !ep.transcripts.some((t) => t.url === link.url))
        ep.transcripts.push(link);
    },
  },
  chapters: setOnce<EpisodeDraft, 'chaptersUrl'>('podcast:chapters', `${SPEC}#chapters`, 'chaptersUrl', (n, ctx) =>
    cleanUrl(n.attrs.url, ctx.baseUrl),
  ),
  person: {
    tag: 'podcast:person',
    spec: `${SPEC}#person`,
    apply(node, ep, ctx) {
      const p = person(node, ctx);
      if (p && ep.persons.length < MAX_PERSONS) ep.persons.push(p);
    },
  },
  season: setOnce<EpisodeDraft, 'season'>('podcast:season', `${SPEC}#season`, 'season', (n) => smallCount(textOf(n))),
  episode: setOnce<EpisodeDraft, 'episode'>('podcast:episode', `${SPEC}#episode`, 'episode', (n) =>
    smallCount(textOf(n)),
  ),
} satisfies Record<string, TagHandler<EpisodeDraft>>;
