import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../../test/corpus.js';
import { parseFeed } from './parse-feed.js';

const feed = (channel: string) =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>T</title>${channel}<item><title>E</title><guid>g</guid></item></channel></rss>`;

describe('channel categories', () => {
  it('reads itunes:category with its nested subcategories, then RSS <category>, once each', () => {
    const parsed = parseFeed(
      feed(
        '<itunes:category text="News"><itunes:category text="Politics"/></itunes:category>' +
          '<itunes:category text="Society &amp; Culture"/><category>politics</category><category>Elections</category>',
      ),
    );
    expect(parsed.categories).toEqual(['News', 'Politics', 'Society & Culture', 'Elections']);
    expect(parsed.episodes[0]).not.toHaveProperty('categories');
  });

  it('has none when the feed names none', () => {
    expect(parseFeed(feed('')).categories).toBeUndefined();
  });

  it.runIf(requireCorpus())('reads a real feed’s categories', () => {
    const real = parseFeed(
      readFileSync(corpusPath('feeds', 'real', 'gnomepodcasts__street-fight-radio-2024-03-15.xml')),
    );
    expect(real.categories).toEqual(['News & Politics']);
  });
});
