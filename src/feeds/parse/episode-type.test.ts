import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../../test/corpus.js';
import { parseFeed } from './parse-feed.js';

const NAMESPACES =
  'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0"';

const item = (guid: string, inner: string) =>
  `<item><title>${guid}</title><guid>${guid}</guid><enclosure url="https://cdn.example/${guid}.mp3" type="audio/mpeg" length="1"/>${inner}</item>`;

const rss = (channel: string, items: string) =>
  `<?xml version="1.0"?><rss version="2.0" ${NAMESPACES}><channel><title>T</title>${items}${channel}</channel></rss>`;

const types = (xml: string) => Object.fromEntries(parseFeed(xml).episodes.map((e) => [e.guid, e.episodeType]));

describe('episode types', () => {
  it('reads itunes:episodeType as the spec spells it, in any case; anything else says nothing', () => {
    const xml = rss(
      '',
      item('full', '<itunes:episodeType>full</itunes:episodeType>') +
        item('trailer', '<itunes:episodeType> Trailer </itunes:episodeType>') +
        item('bonus', '<itunes:episodeType>BONUS</itunes:episodeType>') +
        item('teaser', '<itunes:episodeType>teaser</itunes:episodeType>') +
        item('empty', '<itunes:episodeType></itunes:episodeType>') +
        item('none', ''),
    );
    expect(types(xml)).toEqual({
      full: 'full',
      trailer: 'trailer',
      bonus: 'bonus',
      teaser: undefined,
      empty: undefined,
      none: undefined,
    });
  });

  it("makes the item whose enclosure is the channel's podcast:trailer a trailer, even after the items", () => {
    const xml = rss(
      '<podcast:trailer pubdate="Sun, 14 May 2023 03:33:33 +0000" url="https://cdn.example/promo.mp3" length="1" type="audio/mpeg">Season 1</podcast:trailer>',
      item('promo', '<itunes:episodeType>full</itunes:episodeType>') + item('ep1', ''),
    );
    expect(types(xml)).toEqual({ promo: 'trailer', ep1: undefined });
    expect(parseFeed(xml)).not.toHaveProperty('trailerUrls');
  });

  it("resolves the podcast:trailer url against the feed's, as it does enclosures", () => {
    const xml = `<?xml version="1.0"?><rss version="2.0" ${NAMESPACES}><channel><title>T</title><podcast:trailer url="/media/promo.mp3"/><item><title>P</title><guid>p</guid><enclosure url="media/promo.mp3" type="audio/mpeg"/></item></channel></rss>`;
    expect(parseFeed(xml, { url: 'https://cdn.example/feed.xml' }).episodes[0]?.episodeType).toBe('trailer');
  });

  it.runIf(requireCorpus())("counts a real feed's trailers: Deprogram's teasers of its subscriber episodes", () => {
    const parsed = parseFeed(readFileSync(corpusPath('feeds', 'real', 'gnomepodcasts__deprogram-2026-02-13.xml')));
    const count = (type: string | undefined) => parsed.episodes.filter((e) => e.episodeType === type).length;
    expect([count('full'), count('trailer'), count('bonus'), count(undefined)]).toEqual([133, 49, 1, 202]);
    const teasers = parsed.episodes.filter((e) => e.episodeType === 'trailer').map((e) => e.title);
    expect(teasers.filter((t) => /teaser/i.test(t)).length).toBeGreaterThan(40);
  });
});
