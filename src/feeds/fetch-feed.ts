import { createHash } from 'node:crypto';
import { AppError } from '../model/errors.js';
import type { ParsedFeed } from '../model/feed.js';
import { redactUrl, safeFetch, type FetchOptions, type FetchResult } from '../net/index.js';
import { cacheHints, type CacheHints } from './cache-hints.js';
import { parseFeedAsync } from './parse/parse-feed.js';

export interface FeedValidators {
  etag?: string | null;
  lastModified?: string | null;
}

interface FetchedCommon extends CacheHints {
  finalUrl: string;
  etag?: string;
  lastModified?: string;
  /** Each redirect hop, so the caller can decide whether a move is permanent. */
  redirects: FetchResult['redirects'];
}

export type FetchFeedResult =
  | (FetchedCommon & { notModified: true })
  | (FetchedCommon & { notModified: false; feed: ParsedFeed; contentHash: string });

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

function common(res: FetchResult): FetchedCommon {
  return {
    finalUrl: res.url,
    redirects: res.redirects,
    ...(res.etag !== undefined && { etag: res.etag }),
    ...(res.lastModified !== undefined && { lastModified: res.lastModified }),
    ...cacheHints(res.headers),
  };
}

/**
 * Conditional GET of a feed through safeFetch, then parse. Media and HTML answers are refused as
 * not_a_feed before the XML parser sees them; parse errors name the URL.
 */
export async function fetchFeed(
  url: string,
  validators: FeedValidators = {},
  fetchOptions: FetchOptions = {},
): Promise<FetchFeedResult> {
  const res = await safeFetch(url, {
    accept: FEED_ACCEPT,
    ...fetchOptions,
    etag: validators.etag ?? null,
    lastModified: validators.lastModified ?? null,
  });
  if (res.notModified) return { ...common(res), notModified: true };
  const shown = redactUrl(res.url);
  const mediaType = (res.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (/^(audio|video|image)\//.test(mediaType)) {
    throw new AppError('not_a_feed', `${shown}: content is not an RSS or Atom feed (it is ${mediaType})`);
  }
  let feed: ParsedFeed;
  try {
    feed = await parseFeedAsync(res.body, { url: res.url });
  } catch (err) {
    if (err instanceof AppError) throw new AppError(err.code, `${shown}: ${err.message}`, { cause: err });
    throw err;
  }
  const contentHash = createHash('sha256').update(res.body).digest('hex');
  return { ...common(res), notModified: false, feed, contentHash };
}
