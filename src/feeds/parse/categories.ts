import type { FeedDraft, TagHandler } from './registry.js';
import { cleanLine, textOf, LIMITS } from './text.js';

const ITUNES = 'https://help.apple.com/itc/podcasts_connect/#/itcb54353390';
const RSS = 'https://www.rssboard.org/rss-specification#ltcategorygtSubelementOfLtchannelgt';

/** A feed that lists more is stuffing keywords; the first ones are those it means. */
const MAX_CATEGORIES = 12;

/** itunes:category text="News", with its nested subcategories ("Politics"). */
export const itunesCategory: TagHandler<FeedDraft> = {
  tag: 'itunes:category',
  spec: ITUNES,
  apply(node, feed) {
    add(feed, node.attrs.text);
    for (const sub of node.children) if (sub.name === 'itunes:category') add(feed, sub.attrs.text);
  },
};

/** RSS <category> of the channel; a domain-qualified path ("Politics/Elections") is one name. */
export const rssCategory: TagHandler<FeedDraft> = {
  tag: 'category',
  spec: RSS,
  apply(node, feed) {
    add(feed, textOf(node));
  },
};

function add(feed: FeedDraft, raw: string | undefined): void {
  const name = cleanLine(raw ?? '', LIMITS.short);
  if (!name) return;
  const categories = (feed.categories ??= []);
  if (categories.length < MAX_CATEGORIES && !categories.some((c) => c.toLowerCase() === name.toLowerCase()))
    categories.push(name);
}
