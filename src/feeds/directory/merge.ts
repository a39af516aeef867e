import { errorMessage } from '../../model/errors.js';
import { searchItunes } from './itunes.js';
import { searchPodcastIndex, type PodcastIndexOptions } from './podcast-index.js';
import type { DirectoryClientOptions, DirectoryResult, DirectorySource } from './types.js';

/**
 * The key two directories' URLs of one feed share: lower-case scheme and host, no default port,
 * no trailing slash, and http the same as https.
 */
export function feedUrlKey(raw: string): string {
  try {
    const u = new URL(raw.trim());
    const port = u.port === '' || u.port === '80' || u.port === '443' ? '' : `:${u.port}`;
    const path = u.pathname.replace(/\/+$/, '');
    return `${u.hostname.toLowerCase()}${port}${path}${u.search}`;
  } catch {
    return raw.trim().toLowerCase();
  }
}

/** Results in order, one per feed URL; a later duplicate adds its source and fills a missing author or image. */
export function mergeDirectoryResults(lists: DirectoryResult[][], limit = Infinity): DirectoryResult[] {
  const byKey = new Map<string, DirectoryResult>();
  const longest = Math.max(0, ...lists.map((l) => l.length));
  // Interleave so neither directory crowds the other out of the first places.
  for (let i = 0; i < longest; i += 1) {
    for (const list of lists) {
      const r = list[i];
      if (!r) continue;
      const key = feedUrlKey(r.feedUrl);
      const seen = byKey.get(key);
      if (!seen) {
        byKey.set(key, { ...r, sources: [...r.sources] });
        continue;
      }
      for (const s of r.sources) if (!seen.sources.includes(s)) seen.sources.push(s);
      if (!seen.author && r.author) seen.author = r.author;
      if (!seen.image && r.image) seen.image = r.image;
      // Prefer the https form of the same feed.
      if (seen.feedUrl.startsWith('http:') && r.feedUrl.startsWith('https:')) seen.feedUrl = r.feedUrl;
    }
  }
  return [...byKey.values()].slice(0, limit);
}

export interface DirectorySearchOptions {
  itunes: DirectoryClientOptions;
  /** Absent when PODCASTINDEX_API_KEY or PODCASTINDEX_API_SECRET is not set. */
  podcastIndex?: PodcastIndexOptions;
  limit?: number;
}

export interface DirectorySearch {
  results: DirectoryResult[];
  /** One line per directory that failed while another answered. */
  warnings: string[];
  /** True when every directory asked failed. */
  failed: boolean;
}

/** Asks every configured directory at once; one failing leaves a warning, all failing sets `failed`. */
export async function searchDirectories(query: string, opts: DirectorySearchOptions): Promise<DirectorySearch> {
  const limit = opts.limit ?? 20;
  const asks: Array<{ source: DirectorySource; run: Promise<DirectoryResult[]> }> = [
    { source: 'itunes', run: searchItunes(query, limit, opts.itunes) },
  ];
  if (opts.podcastIndex) {
    asks.push({ source: 'podcastindex', run: searchPodcastIndex(query, limit, opts.podcastIndex) });
  }
  const settled = await Promise.allSettled(asks.map((a) => a.run));
  const lists: DirectoryResult[][] = [];
  const warnings: string[] = [];
  for (const s of settled) {
    if (s.status === 'fulfilled') lists.push(s.value);
    else warnings.push(errorMessage(s.reason).replace(/\s+/g, ' ').trim());
  }
  return { results: mergeDirectoryResults(lists, limit), warnings, failed: lists.length === 0 };
}
