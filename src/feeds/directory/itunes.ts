import { AppError } from '../../model/errors.js';
import { getDirectoryJson, httpUrlOf, str } from './request.js';
import type { DirectoryClientOptions, DirectoryResult } from './types.js';

/** `GET <base>?media=podcast&entity=podcast&term=<q>&limit=N` → `{resultCount, results: [{collectionName, artistName, feedUrl, artworkUrl600, …}]}`. */
export async function searchItunes(
  query: string,
  limit: number,
  opts: DirectoryClientOptions,
): Promise<DirectoryResult[]> {
  const url = new URL(opts.baseUrl);
  url.searchParams.set('media', 'podcast');
  url.searchParams.set('entity', 'podcast');
  url.searchParams.set('term', query);
  url.searchParams.set('limit', String(limit));
  const json = await getDirectoryJson('iTunes Search', url.toString(), opts.fetch ?? {}, () => ({}), opts.retry);
  const results = (json as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) {
    throw new AppError('directory_invalid_response', 'iTunes Search answered without a results list');
  }
  const out: DirectoryResult[] = [];
  for (const r of results as Array<Record<string, unknown>>) {
    if (typeof r !== 'object' || r === null) continue;
    const feedUrl = httpUrlOf(r['feedUrl']);
    const title = str(r['collectionName']) ?? str(r['trackName']);
    if (!feedUrl || !title) continue;
    const image = httpUrlOf(r['artworkUrl600']) ?? httpUrlOf(r['artworkUrl100']);
    out.push({ title, author: str(r['artistName']) ?? '', feedUrl, ...(image && { image }), sources: ['itunes'] });
  }
  return out.slice(0, limit);
}
