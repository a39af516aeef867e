import { createHash } from 'node:crypto';
import { AppError } from '../../model/errors.js';
import { getDirectoryJson, httpUrlOf, str } from './request.js';
import type { DirectoryClientOptions, DirectoryResult } from './types.js';

export interface PodcastIndexOptions extends DirectoryClientOptions {
  apiKey: string;
  apiSecret: string;
  userAgent: string;
  /** Test seam: the current time in ms. */
  now?: () => number;
}

/** The Podcast Index auth headers: `Authorization` is the hex sha1 of key + secret + the unix-seconds date. */
export function podcastIndexHeaders(key: string, secret: string, userAgent: string, nowMs: number) {
  const date = String(Math.floor(nowMs / 1000));
  return {
    'user-agent': userAgent,
    'x-auth-key': key,
    'x-auth-date': date,
    authorization: createHash('sha1')
      .update(key + secret + date)
      .digest('hex'),
  };
}

/** `GET <base>/search/byterm?q=<q>&max=N` → `{status: "true", feeds: [{title, url, originalUrl, author, image, artwork, …}], count}`. */
export async function searchPodcastIndex(
  query: string,
  limit: number,
  opts: PodcastIndexOptions,
): Promise<DirectoryResult[]> {
  const url = new URL(`${opts.baseUrl.replace(/\/+$/, '')}/search/byterm`);
  url.searchParams.set('q', query);
  url.searchParams.set('max', String(limit));
  const now = opts.now ?? Date.now;
  // Fresh headers per attempt: a retry after a Retry-After wait needs a current X-Auth-Date.
  const json = await getDirectoryJson(
    'Podcast Index',
    url.toString(),
    opts.fetch ?? {},
    () => podcastIndexHeaders(opts.apiKey, opts.apiSecret, opts.userAgent, now()),
    opts.retry,
  );
  const body = json as { status?: unknown; feeds?: unknown; description?: unknown } | null;
  if (!body || !Array.isArray(body.feeds)) {
    const said = str(body?.description);
    throw new AppError(
      'directory_invalid_response',
      `Podcast Index answered without a feeds list${said ? ` (${said.slice(0, 200)})` : ''}`,
    );
  }
  const out: DirectoryResult[] = [];
  for (const f of body.feeds as Array<Record<string, unknown>>) {
    if (typeof f !== 'object' || f === null) continue;
    const feedUrl = httpUrlOf(f['url']) ?? httpUrlOf(f['originalUrl']);
    const title = str(f['title']);
    if (!feedUrl || !title) continue;
    const image = httpUrlOf(f['artwork']) ?? httpUrlOf(f['image']);
    out.push({
      title,
      author: str(f['author']) ?? str(f['ownerName']) ?? '',
      feedUrl,
      ...(image && { image }),
      sources: ['podcastindex'],
    });
  }
  return out.slice(0, limit);
}
