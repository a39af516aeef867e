import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { demoRoot } from '../../src/demo/run-demo.js';
import { startLocalHttp, withEtag, type LocalHttp, type Route } from './local-http.js';

export interface FeedFleet extends LocalHttp {
  /** The feed URLs, one per show. */
  feedUrls: string[];
  /** Requests for feeds, all feeds together. */
  feedRequests(): number;
  /** Requests for transcripts, all episodes together. */
  transcriptRequests(): number;
  /** The most requests any one transcript got. */
  mostRequestsForOneTranscript(): number;
}

/**
 * `count` distinct shows on 127.0.0.1, each a copy of one of the bundled demo feeds (title and
 * transcript URLs its own), answering every request after `delayMs` as a distant host does.
 */
export async function startFeedFleet(count: number, delayMs: number): Promise<FeedFleet> {
  const templates = readdirSync(join(demoRoot, 'feeds')).map((f) => readFileSync(join(demoRoot, 'feeds', f), 'utf8'));
  const transcripts = readdirSync(join(demoRoot, 'transcripts'));
  const slow =
    (route: Route): Route =>
    async (req, res) => {
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await route(req, res);
    };
  const http = await startLocalHttp((origin) => {
    const routes: Record<string, Route> = {};
    const date = (days: number) => new Date(Date.now() - 3_600_000 - days * 86_400_000).toUTCString();
    for (let n = 0; n < count; n += 1) {
      const xml = (templates[n % templates.length] as string)
        .replace(/<title>([^<]*)<\/title>/, `<title>$1 #${n}</title>`)
        .replaceAll('{{BASE}}/transcripts/', `{{BASE}}/t/${n}/`)
        .replaceAll('{{BASE}}', origin)
        .replace(/\{\{DATE-(\d+)\}\}/g, (_, d: string) => date(Number(d)));
      routes[`/feeds/${n}.xml`] = slow(withEtag(xml, 'application/rss+xml; charset=utf-8'));
      for (const file of transcripts) {
        const body = readFileSync(join(demoRoot, 'transcripts', file), 'utf8');
        const type = file.endsWith('.vtt')
          ? 'text/vtt'
          : file.endsWith('.srt')
            ? 'application/srt'
            : file.endsWith('.json')
              ? 'application/json'
              : 'text/html';
        routes[`/t/${n}/${file}`] = slow(withEtag(body, `${type}; charset=utf-8`));
      }
    }
    return routes;
  });
  const sum = (prefix: string) =>
    [...http.hits].filter(([path]) => path.startsWith(prefix)).reduce((total, [, hits]) => total + hits, 0);
  return {
    ...http,
    feedUrls: Array.from({ length: count }, (_, n) => `${http.origin}/feeds/${n}.xml`),
    feedRequests: () => sum('/feeds/'),
    transcriptRequests: () => sum('/t/'),
    mostRequestsForOneTranscript: () =>
      Math.max(0, ...[...http.hits].filter(([path]) => path.startsWith('/t/')).map(([, hits]) => hits)),
  };
}
