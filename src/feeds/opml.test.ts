import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../test/corpus.js';
import { AppError } from '../model/errors.js';
import { parseOpml } from './index.js';

const haveCorpus = requireCorpus();
const corpusOpml = (name: string) => parseOpml(readFileSync(corpusPath('opml', name), 'utf8'));

describe.skipIf(!haveCorpus)('parseOpml on real exports', () => {
  it('Overcast: 59 flat outlines', () => {
    const feeds = corpusOpml('mrh-is__overcast-export.opml');
    expect(feeds).toHaveLength(59);
    expect(feeds[1]).toEqual({ title: '99% Invisible', url: 'http://feeds.99percentinvisible.org/99percentinvisible' });
  });

  it('Pocket Casts: nested outlines, Chinese titles, upper-case schemes normalised', () => {
    const feeds = corpusOpml('geekdada__pocketcasts-export-cjk.opml');
    expect(feeds).toHaveLength(33);
    expect(feeds).toContainEqual({ title: '一天世界', url: 'http://yitianshijie.net/rss' });
    expect(feeds).toContainEqual({ title: 'Mystery Show', url: 'http://feeds.gimletmedia.com/mysteryshow' });
    expect(feeds.every((f) => f.url.startsWith('http'))).toBe(true);
  });

  it('GNOME Podcasts: &apos; decoded', () => {
    const feeds = corpusOpml('gnomepodcasts__export_test.opml');
    expect(feeds).toHaveLength(6);
    expect(feeds[0]?.title).toBe("David Harvey's Anti-Capitalist Chronicles");
  });
});

describe('parseOpml', () => {
  it('handles attribute casing, entities, duplicates, aliases and non-http URLs', () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head/><body>
      <outline text="Group"><outline text="Tom &amp; Jerry&#39;s &rsquo;Show&rsquo;" xmlURL="https://a.example/feed?x=1&amp;y=2"/>
        <outline text="Again" XMLURL="https://a.example/feed?x=1&amp;y=2"/></outline>
      <outline title="Alias" xmlUrl="feed://b.example/rss"/>
      <outline title="Bad" xmlUrl="javascript:alert(1)"/>
      <outline title="File" xmlUrl="file:///etc/passwd"/>
      <outline title="No url" htmlUrl="https://c.example/"/>
      <outline xmlUrl="https://d.example/untitled"/>
    </body></opml>`;
    expect(parseOpml(opml)).toEqual([
      { title: "Tom & Jerry's \u2019Show\u2019", url: 'https://a.example/feed?x=1&y=2' },
      { title: 'Alias', url: 'http://b.example/rss' },
      { url: 'https://d.example/untitled' },
    ]);
  });

  it('keeps the first 10,000 feeds of a huge list, in document order, from bytes as from text', () => {
    const outlines = Array.from(
      { length: 12_000 },
      (_, i) => `<outline text="Show ${i} é" xmlUrl="https://f.example/${i}"/>`,
    );
    const opml = `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><body>${outlines.join('\n')}</body></opml>`;
    const feeds = parseOpml(Buffer.from(opml, 'utf8'));
    expect(feeds).toHaveLength(10_000);
    expect(feeds[0]).toEqual({ title: 'Show 0 é', url: 'https://f.example/0' });
    expect(feeds[9_999]).toEqual({ title: 'Show 9999 é', url: 'https://f.example/9999' });
    expect(parseOpml(opml)).toEqual(feeds);
  });

  it('reads outlines past a DOCTYPE without expanding its entities', () => {
    const opml = `<!DOCTYPE opml [<!ENTITY x "https://evil.example/">]><opml><body><outline text="&x;" xmlUrl="https://a.example/rss"/></body></opml>`;
    expect(parseOpml(opml)).toEqual([{ title: '&x;', url: 'https://a.example/rss' }]);
  });

  it('rejects a document that is not OPML', () => {
    const err = (() => {
      try {
        parseOpml('<rss><channel/></rss>');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('invalid_opml');
    expect((err as AppError).message).toMatch(/root element is <rss>/);
    expect(() => parseOpml('<?xml version="1.0"?><!-- nothing -->')).toThrow(/no root element/);
  });
});
