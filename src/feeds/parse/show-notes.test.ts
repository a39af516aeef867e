import { describe, expect, it } from 'vitest';
import { parseFeed } from './parse-feed.js';

const rss = (items: string) =>
  `<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Show</title>${items}</channel></rss>`;

describe('show notes made when read', () => {
  it('takes the first source that yields text, in handler order, as an eager parse would', () => {
    const feed = parseFeed(
      rss(
        '<item><guid>1</guid><description>plain</description><content:encoded><![CDATA[<img src="x">]]></content:encoded><itunes:summary>summary</itunes:summary></item>' +
          '<item><guid>2</guid><description>&lt;p&gt;second&lt;/p&gt;</description><content:encoded><![CDATA[<p>rich</p>]]></content:encoded></item>' +
          '<item><guid>3</guid><content:encoded> </content:encoded></item>',
      ),
    );
    const [first, second, third] = feed.episodes;
    expect(first?.description).toBe('plain');
    expect(second?.description).toBe('rich');
    expect(third?.description).toBeUndefined();
    expect(third && 'description' in third).toBe(false);
    expect(JSON.parse(JSON.stringify(feed.episodes[1]))).toMatchObject({ guid: '2', description: 'rich' });
  });

  it('becomes a plain property once read, and can be overwritten before or after', () => {
    const [a, b] = parseFeed(
      rss(
        '<item><guid>a</guid><description>notes a</description></item><item><guid>b</guid><description>notes b</description></item>',
      ),
    ).episodes;
    if (!a || !b) throw new Error('two episodes expected');
    expect(a.description).toBe('notes a');
    expect(Object.getOwnPropertyDescriptor(a, 'description')).toMatchObject({ value: 'notes a', writable: true });
    a.description = 'edited';
    b.description = 'replaced unread';
    expect({ ...a }.description).toBe('edited');
    expect(b.description).toBe('replaced unread');
  });

  it('decodes UTF-8 and entities of text kept raw only when read, piece by piece around CDATA and tags', () => {
    const bytes = Buffer.from(
      rss(
        '<item><guid>u</guid><title>Caf\u00e9 &amp; cr\u00e8me</title><description>na\u00efve &lt;b&gt;A&#38;B&lt;/b&gt; <![CDATA[<i>\u00fcber &amp; \u{1F600}</i>]]> tail&#x2019;s <p>\u00e9t\u00e9</p> end</description></item>',
      ),
      'utf8',
    );
    const [episode] = parseFeed(bytes).episodes;
    expect(episode?.title).toBe('Caf\u00e9 & cr\u00e8me');
    expect(episode?.description).toBe('na\u00efve A&B \u00fcber & \u{1F600} tail\u2019s \u00e9t\u00e9 end');
  });
});
