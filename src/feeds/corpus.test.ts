import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../test/corpus.js';
import { AppError } from '../model/errors.js';
import type { ParsedFeed } from '../model/feed.js';
import { parseFeed } from './index.js';

const haveCorpus = requireCorpus();

function feedFiles(): string[] {
  if (!haveCorpus) return [];
  return ['real', 'synthetic'].flatMap((dir) => readdirSync(corpusPath('feeds', dir)).map((f) => `${dir}/${f}`));
}

function load(file: string): ParsedFeed {
  return parseFeed(readFileSync(corpusPath('feeds', file)));
}

describe.skipIf(!haveCorpus)('parseFeed on every corpus feed', () => {
  // Episode keys of each feed's first parse, for the determinism check (which parses again).
  const firstKeys = new Map<string, string[]>();

  it.each(feedFiles())('%s parses or fails with a coded AppError, quickly', (file) => {
    const started = Date.now();
    let outcome: ParsedFeed | AppError;
    try {
      outcome = load(file);
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toMatch(/^(not_a_feed|invalid_feed)$/);
      outcome = err as AppError;
    }
    expect(Date.now() - started).toBeLessThan(10_000);
    if (outcome instanceof AppError) return;
    const keys = outcome.episodes.map((e) => e.guid);
    firstKeys.set(file, keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const e of outcome.episodes) {
      if (e.publishedAt !== undefined) expect(Number.isNaN(Date.parse(e.publishedAt))).toBe(false);
      if (e.durationSeconds !== undefined) expect(e.durationSeconds).toBeGreaterThan(0);
      expect(e.title).not.toContain('\uFFFD');
    }
  });

  it('is deterministic: a re-parse yields the same episode keys', () => {
    for (const file of feedFiles()) {
      let first = firstKeys.get(file); // parsed above, unless this test runs alone
      if (!first) {
        try {
          first = load(file).episodes.map((e) => e.guid);
        } catch {
          continue;
        }
      }
      expect(
        load(file).episodes.map((e) => e.guid),
        file,
      ).toEqual(first);
    }
  });
});

describe.skipIf(!haveCorpus)('parseFeed facts on real feeds', () => {
  it('fivethirtyeight: 958 episodes, all dated, CDATA-wrapped PST dates converted', () => {
    const feed = load('real/fivethirtyeight-politics-archive.rss');
    expect(feed.episodes).toHaveLength(958);
    expect(feed.episodes.every((e) => e.publishedAt && e.durationSeconds && e.audioUrl)).toBe(true);
    // <pubDate><![CDATA[Tue, 6 Nov 2018 23:10:00 PST]]></pubDate>
    const wrapUp = feed.episodes.find((e) => e.title === 'Election Night Wrap-Up: Write Your Own Narrative');
    expect(wrapUp?.publishedAt).toBe('2018-11-07T07:10:00.000Z');
    expect(feed.episodes[0]).toMatchObject({ title: 'Reaction Podcast: Trump Goes Long', durationSeconds: 1952 });
  });

  it('de-grote-no-guid: 12 distinct keys from enclosure URLs, stable across parses', () => {
    const feed = load('real/gnomepodcasts__de-grote-no-guid.xml');
    const keys = feed.episodes.map((e) => e.guid);
    expect(new Set(keys).size).toBe(12);
    expect(keys.every((k, i) => k === feed.episodes[i]?.audioUrl)).toBe(true);
    expect(load('real/gnomepodcasts__de-grote-no-guid.xml').episodes.map((e) => e.guid)).toEqual(keys);
    expect(feed.newFeedUrl).toBe('https://podcasts.vrt.be/v1/program-6f4b068a-7178-4809-ab2f-fd016e1f4df3');
    expect(feed.episodes[0]?.durationSeconds).toBe(2047);
  });

  it('pc20rss: episodes carry SRT transcript links, chapters, persons; channel guid and lock', () => {
    const feed = load('real/partytime__podcasting20-pc20rss.xml');
    expect(feed.podcastGuid).toBe('917393e3-1b1e-5cef-ace4-edaa54e1f810');
    expect(feed.locked).toBe(true);
    const withSrt = feed.episodes.filter((e) =>
      e.transcripts.some((t) => t.type === 'application/srt' && t.url.endsWith('.srt')),
    );
    expect(withSrt.length).toBeGreaterThanOrEqual(40);
    expect(feed.episodes[0]?.transcripts).toEqual([
      { url: 'https://mp3s.nashownotes.com/PC20-57-Captions.srt', type: 'application/srt' },
    ]);
    expect(feed.episodes[0]?.chaptersUrl).toBeDefined();
    expect(feed.episodes[0]?.persons.map((p) => `${p.name}/${p.role}`)).toEqual([
      'Adam Curry/host',
      'Dave Jones/host',
      'Brian of London/guest',
    ]);
    expect(JSON.stringify(feed)).not.toMatch(/owner/i);
  });

  it('podcast namespace example: every transcript kept with type, language and rel', () => {
    const feed = load('synthetic/podcastnamespace__example.xml');
    expect(feed.episodes[0]?.transcripts).toEqual([
      { url: 'https://example.com/ep3/transcript.txt', type: 'text/plain' },
      { url: 'https://example.com/episode1/transcript.vtt', type: 'text/vtt', language: 'es', rel: 'captions' },
    ]);
    expect(feed.episodes[0]).toMatchObject({
      season: 1,
      episode: 3,
      chaptersUrl: 'https://example.com/ep3_chapters.json',
    });
  });

  it('series-i-cinema (ISO-8859-1): accented Catalan text decoded correctly', () => {
    const feed = load('real/gnomepodcasts__series-i-cinema-iso-8859-1.xml');
    expect(feed.title).toBe('Sèries i Cinema');
    expect(feed.description).toBe(
      'Els clàssics, les novetats de la cartellera i les millors sèries, tot en un sol podcast.',
    );
    expect(feed.episodes.map((e) => e.title)).toContain('Sèries per mirar al febrer');
    expect(feed.ttlMinutes).toBe(61);
  });

  it('linux-unplugged: both h:mm:ss and mm:ss durations parsed', () => {
    const feed = load('real/gnomepodcasts__linux-unplugged-2020-12-19.xml');
    expect(feed.episodes).toHaveLength(384);
    expect(feed.episodes.every((e) => e.durationSeconds)).toBe(true);
    expect(feed.episodes[0]).toMatchObject({ title: '384: Born To Run Fedora', durationSeconds: 3903 });
    expect(feed.episodes.find((e) => e.title === '369: Double Data Rate Trouble')?.durationSeconds).toBe(46 * 60 + 58);
    expect(feed.episodes[0]?.description).toMatch(/^It's light as a feather/);
    expect(feed.episodes[0]?.description).not.toMatch(/<\w+/);
  });

  it('reply-all: reruns with the same title stay distinct episodes', () => {
    const feed = load('real/gnomepodcasts__reply-all-2020-12-29-reruns.xml');
    const reruns = feed.episodes.filter((e) => e.title === '#86 Man of the People');
    expect(reruns.map((e) => e.publishedAt)).toEqual(['2020-12-03T11:00:00.000Z', '2017-01-19T02:58:00.000Z']);
    expect(reruns[0]?.guid).not.toBe(reruns[1]?.guid);
    expect(feed.episodes).toHaveLength(187);
  });

  it('no-agenda: parses despite the broken &gtgt; entity', () => {
    const feed = load('real/partytime__no-agenda.xml');
    expect(feed.title).toBe('No Agenda');
    expect(feed.episodes).toHaveLength(29);
    expect(feed.episodes.some((e) => e.description?.includes('Pat E'))).toBe(true);
  });

  it('taverncast: an item repeating a GUID is kept as its own episode', () => {
    const feed = load('real/rssparser__taverncast-itunes-missing-image.rss');
    expect(feed.episodes).toHaveLength(131);
    const shared = feed.episodes.filter((e) => e.guid.startsWith('http://taverncast.com/shows/geekistry-2.mp3'));
    expect(shared.map((e) => e.title)).toEqual([
      'Geekistry: You Can See the Strings',
      'Geekistry: Lowatus of Borg (extended version)',
    ]);
  });

  it('sentimental-garbage: a newline before <?xml is tolerated without a warning', () => {
    const feed = load('real/partytime__sentimental-garbage.xml');
    expect(feed.episodes).toHaveLength(138);
    expect(feed.warnings).toEqual([]);
  });

  it('greek, german and polish titles survive as UTF-8', () => {
    expect(load('real/gnomepodcasts__ellinofreneia-greek.xml').title).toBe('Ελληνοφρένεια');
    expect(load('real/rssparser__endorphine-fuer-delfine-de.rss').title).toBe('Endorphine für Delfine');
  });

  it('atom: entries with ids, alternate links and dates', () => {
    const yt = load('real/feedrs__youtube-atom-mediarss.xml');
    expect(yt.format).toBe('atom');
    expect(yt.episodes[0]).toMatchObject({
      guid: 'yt:video:0A1ouV7iD8o',
      title: 'Navigating with Quantum Entanglement',
      link: 'https://www.youtube.com/watch?v=0A1ouV7iD8o',
      publishedAt: '2020-12-22T19:15:01.000Z',
      imageUrl: 'https://i1.ytimg.com/vi/0A1ouV7iD8o/hqdefault.jpg',
    });
    const blog = load('real/rssparser__feedburner-atom-nonpodcast.atom');
    expect(blog.episodes).toHaveLength(25);
    expect(blog.episodes[0]?.description).not.toMatch(/<\w+/);
  });

  it('synthetic quirks: BOM, mixed CDATA, multi-line CDATA summary, illegal character, legacy entity', () => {
    expect(load('synthetic/gofeed__rss_feed_bom.xml').title).toBe('Feed Title');
    expect(load('synthetic/gofeed__description_mixed_cdata.xml').episodes[0]?.description).toBe(
      'Breaking: Big News today',
    );
    expect(load('synthetic/gofeed__itunes_summary_cdata_multi.xml').episodes[0]?.description).toBe(
      'Line 1\nLine 2\nLine 3',
    );
    const illegal = load('synthetic/gofeed__illegal_char.xml');
    expect(illegal.episodes[0]?.title).toBe('abcd');
    expect(illegal.warnings.join()).toMatch(/not allowed in XML/);
    const legacy = load('synthetic/gofeed__legacy_entity_prefix.xml');
    expect(legacy.title).toBe('?page=1&copy=2;mode=x & done');
    expect(legacy.warnings.join()).toMatch(/parsed leniently/);
  });

  it('broken lautsprecher feed: parsed leniently with a warning, the item kept', () => {
    const feed = load('synthetic/podcastarchiver__lautsprecher-invalid-link.xml');
    expect(feed.warnings.join()).toMatch(/not well-formed XML .*parsed leniently/);
    expect(feed.episodes).toHaveLength(1);
    expect(feed.episodes[0]?.link).toBeUndefined();
  });
});
