import { describe, expect, it } from 'vitest';
import { composeBrief } from '../../src/briefs/index.js';
import type { Insight } from '../../src/model/insight.js';
import { parsedEpisode } from '../../src/store/test-fixtures.js';
import { testDialects } from '../../src/store/test-harness.js';
import { useTestStore } from '../../src/store/test-store.js';

const DAY = 86_400_000;

const POINTS = [
  'Vector databases cut retrieval latency in half once the whole index fits in memory on one machine.',
  'Quantizing embeddings to eight bits kept recall above ninety five percent in their benchmark.',
  'Hybrid search that mixes keyword scores with vector scores beat either alone on support tickets.',
  'Rebuilding the vector index every night was cheaper than updating it in place during the day.',
  'Sharding the vector store by customer kept noisy neighbours from slowing down everyone else.',
  'Caching the embeddings of frequent queries removed a third of the calls to the embedding model.',
];

function extraction(texts: string[], quotePrefix: string): Insight[] {
  return texts.map((text, n) => ({
    headline: text.split(' ').slice(0, 6).join(' '),
    text,
    quote: `${quotePrefix} ${text}`,
    start: 60 * n,
    end: 60 * n + 30,
    score: 1 - n * 0.05,
  }));
}

for (const { dialect, label, skip } of await testDialects()) {
  describe.skipIf(skip)(`an episode extracted again after it was briefed [${label}]`, () => {
    const t = useTestStore(dialect);

    it('sends nothing again: neither the same insights nor rewordings of what went out', async () => {
      const { store } = t;
      const day1 = new Date();
      // One show per point: a brief takes one item per show.
      const episodes: number[] = [];
      for (const [n, text] of POINTS.entries()) {
        const feedId = (await store.addFeed(`https://example.com/vectors-${n}.xml`)).feed.id;
        await store.upsertEpisodes(feedId, [parsedEpisode('ep')], new Date(day1.getTime() - 3_600_000));
        const [episode] = await store.episodesByFeed(feedId);
        episodes.push(episode!.id);
        await store.replaceInsights(episode!.id, extraction([text], 'first'), 'embedded');
      }
      const { user } = await store.addUser({ email: 'ada@example.com', interests: ['vector databases'] });
      const opts = (now: Date) => ({ size: 3, relatedPerInsight: 0, now });
      const first = await composeBrief({ store }, user, day1.toISOString().slice(0, 10), opts(day1));
      if (first.status !== 'created') throw new Error(`no first brief: ${first.status}`);
      const sent = first.brief.items.map((i) => i.text);
      expect(sent).toHaveLength(3);

      // Another engine words every point a little differently and quotes other moments.
      const reword = (text: string) => text.replace(/\.$/, ', the guest said.');
      const reworded = POINTS.map(reword);
      for (const [n, id] of episodes.entries())
        await store.replaceInsights(id, extraction([reworded[n]!], 'second'), 'llm');
      for (const item of first.brief.items) expect(await store.insightById(item.insightId)).toBeDefined();

      const day2 = new Date(day1.getTime() + DAY);
      const second = await composeBrief({ store }, user, day2.toISOString().slice(0, 10), opts(day2));
      const again = second.status === 'created' ? second.brief.items.map((i) => i.text) : [];
      const rewordingsOfSent = again.filter((text) => sent.some((s) => reword(s) === text));
      expect(rewordingsOfSent).toEqual([]);
      // What was not sent is still news.
      expect(again.length).toBeGreaterThan(0);
    });
  });
}
