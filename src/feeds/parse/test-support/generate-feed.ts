const WORDS =
  'we talk about the news of the week with our guests and answer questions from listeners about science history music and more'.split(
    ' ',
  );

function words(seed: number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += `${WORDS[(seed * 7 + i * 13) % WORDS.length]} `;
  return out.trim();
}

function item(n: number, notesWords: number): string {
  const notes = `<p>${words(n, notesWords)}</p><ul><li>${words(n + 1, 12)}</li><li><a href="https://example.com/${n}">link</a></li></ul>`;
  return `<item>
  <title>Episode ${n}: ${words(n, 6)} &amp; more</title>
  <guid isPermaLink="false">gen-${n}</guid>
  <pubDate>Tue, 01 Oct 2024 10:00:00 GMT</pubDate>
  <link>https://example.com/episodes/${n}</link>
  <enclosure url="https://cdn.example.com/audio/${n}.mp3" length="${40_000_000 + n}" type="audio/mpeg"/>
  <itunes:duration>1:02:${String(n % 60).padStart(2, '0')}</itunes:duration>
  <itunes:episode>${n}</itunes:episode>
  <itunes:image href="https://cdn.example.com/art/${n}.jpg"/>
  <description><![CDATA[${notes}]]></description>
  <content:encoded><![CDATA[${notes}<p>${words(n + 2, notesWords)}</p>]]></content:encoded>
  <podcast:transcript url="https://cdn.example.com/transcripts/${n}.vtt" type="text/vtt" language="en"/>
  <podcast:person role="host" img="https://example.com/host.jpg">Host ${n % 3}</podcast:person>
</item>
`;
}

/**
 * A well-formed podcast feed of about `bytes` bytes (or exactly `items` items), every item carrying
 * the fields a real one does: for benchmarks and the big-feed tests.
 */
export function generateFeed(options: { bytes?: number; items?: number; notesWords?: number }): Buffer {
  const head = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:podcast="https://podcastindex.org/namespace/1.0">
<channel>
<title>Generated Show</title>
<link>https://example.com/</link>
<description>A generated feed.</description>
<language>en</language>
<itunes:author>Generator</itunes:author>
<itunes:image href="https://example.com/cover.jpg"/>
`;
  const tail = '</channel>\n</rss>\n';
  const parts = [head];
  let size = head.length + tail.length;
  const notesWords = options.notesWords ?? 180;
  for (let n = 1; options.items !== undefined ? n <= options.items : size < (options.bytes ?? 1_000_000); n++) {
    const one = item(n, notesWords);
    parts.push(one);
    size += one.length;
  }
  parts.push(tail);
  return Buffer.from(parts.join(''));
}
