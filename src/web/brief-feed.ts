import { createHash, randomBytes } from 'node:crypto';
import { XMLBuilder } from 'fast-xml-parser';
import { publicBase } from '../delivery/unsubscribe-link.js';
import type { Brief } from '../model/brief.js';
import { briefDateLabel, webBriefView } from './views/account-views.js';
import { html } from './views/html.js';
import { xmlSafe } from '../feeds/index.js';

/** A new private feed token: 256 random bits, URL-safe. Only its hash is stored. */
export function newFeedToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: feedTokenHash(token) };
}

export function feedTokenHash(token: string): string {
  return createHash('sha256').update(`podbrief:feed:v1:${token}`).digest('hex');
}

/** `<token>.rss` / `<token>.json`: the token's shape is checked before any lookup. */
export function parseFeedFile(file: string): { token: string; format: 'rss' | 'json' } | undefined {
  const match = /^([A-Za-z0-9_-]{43})\.(rss|json)$/.exec(file);
  return match ? { token: match[1] as string, format: match[2] as 'rss' | 'json' } : undefined;
}

export interface BriefFeedInput {
  briefs: Brief[];
  publicUrl: string;
  /** This feed's own URL (with the token). */
  selfUrl: string;
  listenUrl(insightId: number): string;
}

interface FeedEntry {
  id: string;
  title: string;
  url: string;
  contentHtml: string;
  published: Date;
}

function entries(input: BriefFeedInput): FeedEntry[] {
  const base = publicBase(input.publicUrl);
  return input.briefs
    .filter((b) => b.items.length > 0)
    .map((brief) => {
      const view = webBriefView(brief, (id) => input.listenUrl(id));
      // Our own template over cleaned text: every podcast string is escaped, links are http(s) only.
      const content = html`${view.items.map(
        (item) => html`<h3>${item.number}. ${item.headline}</h3>
<p><em>${[item.podcastTitle, item.episodeTitle, item.fromShowNotes ? 'from the show notes' : ''].filter(Boolean).join(' · ')}</em></p>
<p>${item.text}</p>
${item.quote ? html`<blockquote><p>“${item.quote}”${item.speaker ? html` — ${item.speaker}` : ''}</p></blockquote>` : item.speaker ? html`<p>— ${item.speaker}</p>` : ''}
${item.timeUrl && item.time ? html`<p><a href="${item.timeUrl}">Listen from ${item.time}</a></p>` : ''}
${item.reason ? html`<p>Why you got this: ${item.reason}</p>` : ''}`,
      )}`.value;
      const created = new Date(brief.createdAt);
      return {
        id: `${base}/account/briefs/${brief.date}`,
        title: `${briefDateLabel(brief.date)} (${brief.date}): ${view.items[0]?.headline ?? ''}`,
        url: `${base}/account/briefs/${brief.date}`,
        contentHtml: content,
        published: Number.isNaN(created.getTime()) ? new Date(`${brief.date}T00:00:00Z`) : created,
      };
    });
}

const FEED_TITLE = 'Podbrief: your daily briefs';
const FEED_DESCRIPTION = 'The top podcast insights picked for you, one item per daily brief.';

/** RSS 2.0 built by an escaping XML serializer: no podcast text is concatenated into markup. */
export function briefsRss(input: BriefFeedInput): string {
  const base = publicBase(input.publicUrl);
  const items = entries(input);
  const builder = new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true });
  return builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    rss: {
      '@_version': '2.0',
      '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
      channel: {
        title: FEED_TITLE,
        link: `${base}/account/archive`,
        description: FEED_DESCRIPTION,
        'atom:link': { '@_href': input.selfUrl, '@_rel': 'self', '@_type': 'application/rss+xml' },
        ...(items[0] ? { lastBuildDate: items[0].published.toUTCString() } : {}),
        item: items.map((e) => ({
          title: xmlSafe(e.title),
          link: e.url,
          guid: { '#text': e.id, '@_isPermaLink': 'true' },
          pubDate: e.published.toUTCString(),
          description: xmlSafe(e.contentHtml),
        })),
      },
    },
  }) as string;
}

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function briefsJsonFeed(input: BriefFeedInput): string {
  const base = publicBase(input.publicUrl);
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: FEED_TITLE,
    home_page_url: `${base}/account/archive`,
    feed_url: input.selfUrl,
    description: FEED_DESCRIPTION,
    items: entries(input).map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      content_html: e.contentHtml,
      date_published: e.published.toISOString(),
    })),
  });
}
