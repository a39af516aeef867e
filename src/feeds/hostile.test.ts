import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../test/net/local-server.js';
import { AppError } from '../model/errors.js';
import { parseFeed } from './index.js';

const rss = (items: string, channel = '<title>T</title>') =>
  `<?xml version="1.0"?><rss version="2.0"><channel>${channel}${items}</channel></rss>`;

function failure(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected an AppError');
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

describe('parseFeed: XML attacks', () => {
  let canary: LocalServer | undefined;
  afterEach(async () => {
    await canary?.close();
    canary = undefined;
  });

  it('does not expand billion laughs', () => {
    const decls = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) decls.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [${decls.join('')}]>${rss('<item><title>&lol9;</title><guid>1</guid></item>')}`;
    const { value, ms } = timed(() => parseFeed(xml));
    expect(value.episodes[0]?.title).toBe('&lol9;');
    expect(ms).toBeLessThan(200);
  });

  it('does not resolve external entities (file or network)', async () => {
    canary = await startLocalServer((_req, res) => res.end('leaked'));
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY f SYSTEM "file:///etc/passwd"><!ENTITY n SYSTEM "${canary.url}/x">]>${rss(
      '<item><title>&f;</title><description>&n;</description></item>',
    )}`;
    const feed = parseFeed(xml);
    expect(JSON.stringify(feed)).not.toContain('root:');
    expect(feed.episodes[0]?.title).toBe('&f;');
    await new Promise((r) => setTimeout(r, 50));
    expect(canary.connections()).toBe(0);
  });

  it('keeps one big entity with many references bounded', () => {
    const big = 'x'.repeat(50_000);
    const xml = `<!DOCTYPE rss [<!ENTITY big "${big}">]>${rss(`<item><title>t</title><description>${'&big;'.repeat(1000)}</description></item>`)}`;
    const { value, ms } = timed(() => parseFeed(xml));
    expect(value.episodes[0]?.description?.length ?? 0).toBeLessThanOrEqual(64 * 1024);
    expect(ms).toBeLessThan(1000);
  });

  it('decodes a flood of numeric references in linear time', () => {
    const flood = '&#65;&#x41;'.repeat(250_000);
    const { value, ms } = timed(() =>
      parseFeed(rss(`<item><title>t</title><description>${flood}</description></item>`)),
    );
    expect(value.episodes[0]?.description).toMatch(/^A+$/);
    expect(value.episodes[0]?.description?.length).toBe(64 * 1024);
    expect(ms).toBeLessThan(3000);
  });

  // Issue 13: nesting past the depth limit is read past (its text kept as text), not a reason to
  // refuse the feed; it used to be invalid_feed.
  it('reads past absurd nesting instead of overflowing the stack or refusing the feed', () => {
    const deep = `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`;
    const feed = parseFeed(rss(`<item><title>t</title>${deep}</item>`));
    expect(feed.episodes.map((e) => e.title)).toEqual(['t']);
    expect(feed.warnings.join()).toMatch(/nested too deep/);
  });

  it('keeps every other item when one description holds 200,000-deep nesting', () => {
    const deep = `${'<b>'.repeat(200_000)}deep text${'</b>'.repeat(200_000)}`;
    const items = Array.from({ length: 20 }, (_, i) =>
      i === 7
        ? `<item><title>E${i}</title><guid>${i}</guid><description>${deep}</description></item>`
        : `<item><title>E${i}</title><guid>${i}</guid><description>notes ${i}</description></item>`,
    ).join('');
    const { value: feed, ms } = timed(() => parseFeed(rss(items)));
    expect(feed.episodes.map((e) => e.title)).toEqual(Array.from({ length: 20 }, (_, i) => `E${i}`));
    expect(feed.episodes[7]?.description).toBe('deep text');
    expect(feed.episodes[8]?.description).toBe('notes 8');
    expect(ms).toBeLessThan(2000);
  });

  it('truncates a giant description at 64 KB', () => {
    const feed = parseFeed(rss(`<item><title>t</title><description>${'word '.repeat(400_000)}</description></item>`));
    expect(feed.episodes[0]?.description?.length).toBeLessThanOrEqual(64 * 1024);
  });
});

describe('parseFeed: cut-off and broken documents', () => {
  const items = Array.from(
    { length: 30 },
    (_, i) =>
      `<item><title>E${i}</title><guid>${i}</guid><description><![CDATA[<p>notes ${i}</p>]]></description></item>`,
  ).join('');
  const whole = rss(items);

  it('keeps every complete item before a cut inside an item, and says what it dropped', () => {
    for (const cutInside of ['<title>E17</t', '<guid>17</guid><descr', '<p>notes 17</p>]', '<item><tit']) {
      const end = whole.indexOf(cutInside.startsWith('<item>') ? '<item><title>E17' : cutInside) + cutInside.length - 2;
      const feed = parseFeed(whole.slice(0, end));
      expect(feed.episodes.map((e) => e.title)).toEqual(Array.from({ length: 17 }, (_, i) => `E${i}`));
      expect(feed.warnings.join('\n')).toMatch(/17 complete items kept, 1 incomplete item dropped/);
      expect(feed.warnings.join('\n')).toMatch(/not well-formed XML .*parsed leniently/);
    }
  });

  it('keeps all items of a feed cut right after an item', () => {
    const feed = parseFeed(whole.slice(0, whole.indexOf('</item>', whole.indexOf('E29')) + 7));
    expect(feed.episodes).toHaveLength(30);
    expect(feed.warnings.join()).not.toMatch(/dropped/);
  });

  it('recovers from a stray closing tag and unescaped HTML inside one item', () => {
    const broken = whole
      .replace('<description><![CDATA[<p>notes 3</p>]]>', '<description><p>notes <br> 3</p></content:encoded>')
      .replace('<title>E9</title>', '<title>E9</title></enclosure>');
    const feed = parseFeed(broken);
    expect(feed.episodes).toHaveLength(30);
    expect(feed.episodes[3]?.description).toBe('notes 3');
    expect(feed.warnings.join()).toMatch(/parsed leniently/);
  });

  it('closes an item whose closing tag is corrupted when the next item opens', () => {
    const feed = parseFeed(whole.replace('notes 4</p>]]></description></item>', 'notes 4</p>]]></description></itex>'));
    expect(feed.episodes.map((e) => e.title)).toEqual(Array.from({ length: 30 }, (_, i) => `E${i}`));
    expect(feed.warnings.join()).toMatch(/closing tag 'itex' matches no open element/);
  });

  it('parseFeedAsync gives the same result as parseFeed', async () => {
    const cut = whole.slice(0, whole.indexOf('<title>E17') + 5);
    const { parseFeedAsync } = await import('./parse/parse-feed.js');
    expect(await parseFeedAsync(cut)).toEqual(parseFeed(cut));
    expect(await parseFeedAsync(Buffer.from(whole))).toEqual(parseFeed(Buffer.from(whole)));
  });
});

describe('parseFeed: encodings', () => {
  it('reads ISO-8859-1 bytes declared in the prolog', () => {
    const bytes = iconv.encode(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Sèries</title></channel></rss>',
      'latin1',
    );
    expect(parseFeed(bytes).title).toBe('Sèries');
  });

  it('reads windows-1251 (Cyrillic)', () => {
    const bytes = iconv.encode(
      '<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>Подкаст</title></channel></rss>',
      'win1251',
    );
    expect(parseFeed(bytes).title).toBe('Подкаст');
  });

  it('reads UTF-16 with and without a BOM', () => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><rss><channel><title>Ελληνικά</title></channel></rss>';
    expect(parseFeed(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])).title).toBe('Ελληνικά');
    expect(parseFeed(Buffer.from(text, 'utf16le')).title).toBe('Ελληνικά');
  });

  it('falls back to windows-1252 for Latin-1 bytes under a UTF-8 prolog', () => {
    const bytes = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="UTF-8"?><rss><channel><title>Caf'),
      Buffer.from([0xe9]),
      Buffer.from('</title></channel></rss>'),
    ]);
    const feed = parseFeed(bytes);
    expect(feed.title).toBe('Café');
    expect(feed.warnings.join()).toMatch(/windows-1252/);
  });

  it('reads valid UTF-8 bytes (scanned undecoded) exactly as the same text given as a string', () => {
    const text = rss(
      `<item><title>Ελληνικά &amp; 日本語 😀</title><guid>ü-1</guid><enclosure url="https://x.example/é.mp3" type="audio/mpeg"/>` +
        `<description><![CDATA[<p>Çà va — ${'ñ'.repeat(70_000)}</p>]]></description>` +
        `<itunes:author>Zoë\uFFFE\u0001</itunes:author><ünïcode>x</ünïcode></item>`,
      '<title>Sèries 🎧</title><description>Ça &#x1F600; va</description>',
    );
    const fromBytes = parseFeed(Buffer.from(text, 'utf8'));
    expect(fromBytes).toEqual(parseFeed(text));
    expect(fromBytes.title).toBe('Sèries 🎧');
    expect(fromBytes.description).toBe('Ça 😀 va');
    expect(fromBytes.episodes[0]).toMatchObject({
      title: 'Ελληνικά & 日本語 😀',
      audioUrl: 'https://x.example/%C3%A9.mp3',
    });
    expect(fromBytes.episodes[0]?.description).toMatch(/^Çà va — ñ+$/);
    expect(fromBytes.warnings.join()).toMatch(/removed 2 characters not allowed in XML/);
  });

  it('finds a U+FFFE whose UTF-8 bytes straddle the megabyte the check reads at a time', () => {
    const head = '<rss><channel><title>é</title><description>';
    const text = `${head}${'a'.repeat((1 << 20) - 1 - Buffer.byteLength(head))}\uFFFEz</description></channel></rss>`;
    const feed = parseFeed(Buffer.from(text, 'utf8'));
    expect(feed.warnings.join()).toMatch(/removed 1 characters not allowed in XML/);
  });

  it('replaces invalid sequences in otherwise UTF-8 text and strips control characters', () => {
    const bytes = Buffer.concat([
      Buffer.from('<rss><channel><title>Ünï '),
      Buffer.from([0xff, 0x00, 0x0b]),
      Buffer.from('x</title></channel></rss>'),
    ]);
    expect(parseFeed(bytes).title).toBe('Ünï \uFFFDx');
  });
});

describe('parseFeed: not feeds', () => {
  it.each([
    ['an HTML page', '<!DOCTYPE html><html><head><title>Hi</title></head><body>x</body></html>'],
    ['JSON', '{"version":"https://jsonfeed.org/version/1.1","items":[]}'],
    ['empty', ''],
    ['whitespace', '  \n '],
    ['plain text', 'Service Unavailable'],
    ['another XML vocabulary', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'],
  ])('%s → not_a_feed', (_what, body) => {
    expect(failure(() => parseFeed(body)).code).toBe('not_a_feed');
  });

  it('binary (PNG, MP3) → not_a_feed', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const mp3 = Buffer.concat([Buffer.from('ID3'), Buffer.alloc(100, 7)]);
    expect(failure(() => parseFeed(png)).code).toBe('not_a_feed');
    expect(failure(() => parseFeed(mp3)).code).toBe('not_a_feed');
  });

  it('hopeless XML → invalid_feed', () => {
    expect(failure(() => parseFeed('<rss><chan')).code).toBe('invalid_feed');
    expect(failure(() => parseFeed('<rss version="2.0"></rss>')).code).toBe('invalid_feed');
  });
});

describe('parseFeed: items', () => {
  it('keeps 50 items sharing one GUID as 50 stable episodes', () => {
    const items = Array.from(
      { length: 50 },
      (_, i) =>
        `<item><title>E${i}</title><guid>1</guid><enclosure url="https://cdn.example/${i}.mp3" type="audio/mpeg"/></item>`,
    ).join('');
    const first = parseFeed(rss(items)).episodes.map((e) => e.guid);
    expect(new Set(first).size).toBe(50);
    expect(parseFeed(rss(items)).episodes.map((e) => e.guid)).toEqual(first);
  });

  it('tells apart duplicates without enclosures by position', () => {
    const items = '<item><title>A</title><guid>x</guid></item><item><title>B</title><guid>x</guid></item>';
    expect(parseFeed(rss(items)).episodes.map((e) => e.guid)).toEqual(['x', 'x#2']);
  });

  it('keys items without GUIDs by enclosure, then link, then a hash of title and date', () => {
    const items = [
      '<item><title>A</title><enclosure url="https://cdn.example/a.mp3"/></item>',
      '<item><title>B</title><link>https://example.com/b</link></item>',
      '<item><title>C</title><pubDate>Tue, 01 Oct 2024 10:00:00 GMT</pubDate></item>',
    ].join('');
    const keys = parseFeed(rss(items)).episodes.map((e) => e.guid);
    expect(keys.slice(0, 2)).toEqual(['https://cdn.example/a.mp3', 'https://example.com/b']);
    expect(keys[2]).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(parseFeed(rss(items)).episodes[2]?.guid).toBe(keys[2]);
  });

  it.each([
    '32/13/2099',
    'yesterday',
    '0000-00-00',
    '+275760-09-13',
    '',
    '9'.repeat(10_000),
    'Mon, 31 Feb 2020 10:00:00 GMT',
    '1',
  ])('drops the hostile date %j without an Invalid Date', (date) => {
    const feed = parseFeed(rss(`<item><title>t</title><pubDate>${date}</pubDate></item>`));
    expect(feed.episodes).toHaveLength(1);
    expect(feed.episodes[0]?.publishedAt).toBeUndefined();
  });

  it('keeps future dates (the caller clamps)', () => {
    const feed = parseFeed(rss('<item><title>t</title><pubDate>Fri, 01 Jan 2099 00:00:00 GMT</pubDate></item>'));
    expect(feed.episodes[0]?.publishedAt).toBe('2099-01-01T00:00:00.000Z');
  });

  it('turns HTML show notes into plain text without scripts or styles', () => {
    const html =
      '<![CDATA[<style>p{color:red}</style><p>Hello&nbsp;<b>world</b></p><script>alert(1)</script><ul><li>one</li><li>two</li></ul>]]>';
    const feed = parseFeed(rss(`<item><title>t</title><description>${html}</description></item>`));
    expect(feed.episodes[0]?.description).toBe('Hello world\n\none\ntwo');
  });

  it('drops non-http links and resolves relative ones against the feed URL', () => {
    const item = '<item><title>t</title><link>javascript:alert(1)</link><enclosure url="/audio/1.mp3"/></item>';
    const feed = parseFeed(rss(item), { url: 'https://example.com/feed.xml' });
    expect(feed.episodes[0]?.link).toBeUndefined();
    expect(feed.episodes[0]?.audioUrl).toBe('https://example.com/audio/1.mp3');
  });

  it('reads itunes tags whatever prefix the feed declares, and undeclared itunes: too', () => {
    const declared =
      '<rss xmlns:it="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>T</title><item><title>t</title><it:duration>1:02:03</it:duration></item></channel></rss>';
    const undeclared =
      '<rss><channel><title>T</title><item><title>t</title><itunes:duration>59:07</itunes:duration></item></channel></rss>';
    expect(parseFeed(declared).episodes[0]?.durationSeconds).toBe(3723);
    expect(parseFeed(undeclared).episodes[0]?.durationSeconds).toBe(3547);
  });

  it('reads a prefix declared again on each element, and one an element binds to another namespace', () => {
    const it = 'xmlns:it="http://www.itunes.com/dtds/podcast-1.0.dtd"';
    const media = 'xmlns:it="http://search.yahoo.com/mrss/"';
    const feed = parseFeed(
      `<rss ${it}><channel><title>T</title>` +
        `<item><title>a</title><it:duration ${it}>1:00</it:duration><it:episode ${it}>4</it:episode></item>` +
        `<item ${media}><title>b</title><it:duration>2:00</it:duration><it:description>media notes</it:description></item>` +
        `<item><title>c</title><it:duration>3:00</it:duration></item></channel></rss>`,
    );
    expect(feed.episodes.map((e) => [e.durationSeconds, e.episode, e.description])).toEqual([
      [60, 4, undefined],
      [undefined, undefined, 'media notes'],
      [180, undefined, undefined],
    ]);
  });

  it('reads podcast:locked without keeping the owner email', () => {
    const channel = '<title>T</title><podcast:locked owner="owner@example.com">yes</podcast:locked>';
    const feed = parseFeed(rss('', channel));
    expect(feed.locked).toBe(true);
    expect(JSON.stringify(feed)).not.toContain('owner@example.com');
  });

  it('caps the number of items with a warning', () => {
    const items = Array.from({ length: 30 }, (_, i) => `<item><title>${i}</title><guid>${i}</guid></item>`).join('');
    const feed = parseFeed(rss(items), { maxEpisodes: 10 });
    expect(feed.episodes).toHaveLength(10);
    expect(feed.warnings.join()).toMatch(/only the first 10/);
  });

  it('parses an Atom podcast with enclosure links', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Show</title><link href="https://example.com/"/>
      <entry><id>urn:1</id><title type="html">A &lt;b&gt;bold&lt;/b&gt; title</title><updated>2024-10-01T10:00:00Z</updated>
      <link rel="enclosure" href="https://cdn.example/1.mp3" type="audio/mpeg" length="123"/>
      <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Notes</p></div></content></entry></feed>`;
    const feed = parseFeed(atom);
    expect(feed).toMatchObject({ format: 'atom', title: 'Show', link: 'https://example.com/', language: 'en' });
    expect(feed.episodes[0]).toMatchObject({
      guid: 'urn:1',
      title: 'A bold title',
      publishedAt: '2024-10-01T10:00:00.000Z',
      audioUrl: 'https://cdn.example/1.mp3',
      audioType: 'audio/mpeg',
      audioLength: 123,
      description: 'Notes',
    });
  });
});
