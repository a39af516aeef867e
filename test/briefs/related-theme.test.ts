import { describe, expect, it } from 'vitest';
import { buildBriefPool, buildProfile, toBriefItems } from '../../src/briefs/index.js';
import { indexEntryFor } from '../../src/related/index.js';
import type { InsightWithContext } from '../../src/store/types.js';
import { OTHER_SUBJECTS, otherSubjectText } from '../helpers/other-subjects.js';

const NOW = new Date('2026-11-29T06:00:00Z');
const seen = new Date(NOW.getTime() - 12 * 3600_000).toISOString();

function insight(id: number, feedId: number, headline: string, text: string): InsightWithContext {
  return {
    id,
    episodeId: id,
    feedId,
    headline,
    text,
    quote: text,
    start: 0,
    end: 30,
    score: 1,
    podcastTitle: `Show ${feedId}`,
    episodeTitle: `Episode ${id}`,
    episodeLink: null,
    audioUrl: null,
    publishedAt: seen,
    firstSeenAt: seen,
    extractedAt: seen,
  };
}

const poolOf = (insights: InsightWithContext[]) =>
  buildBriefPool(insights, new Map(insights.map((i) => [i.id, indexEntryFor(i)])), { now: NOW });
const profile = buildProfile({ interests: ['tariffs'] }, { now: NOW });

/** Other shows' insights on other subjects, so that the words below are rare in the pool. */
const OTHERS = OTHER_SUBJECTS.map((h, i) => insight(100 + i, 10 + i, h, otherSubjectText(h)));

describe('related insights in a brief', () => {
  const insights = [
    insight(
      1,
      1,
      'Donald Trump announces tariffs on Canada',
      'President Donald Trump announced tariffs on Canada and Mexico.',
    ),
    insight(2, 1, 'Donald Trump at the Super Bowl', 'Donald Trump watched the Super Bowl in New Orleans.'),
    insight(3, 2, 'Donald Trump gets a visit from his lawyers', 'Donald Trump meets his lawyers in the Oval Office.'),
    insight(
      4,
      3,
      'Our model passed the test people ran',
      'People announced the model passed the test on Canada data, a thing to see.',
    ),
    insight(5, 4, 'Swift announces a new album', 'Taylor Swift announced a new album and a tour of Canada.'),
    ...OTHERS,
  ];
  const pool = poolOf(insights);

  it('come from another show on the same theme, never the item’s own show nor shared everyday words', () => {
    const [item] = toBriefItems(pool, profile, [{ index: pool.index.indexOf(1)!, score: 1 }], 3);
    expect(item?.related.map((r) => r.insightId)).toEqual([3]);
  });

  it('an item with nothing on its theme elsewhere gets an empty list', () => {
    const [item] = toBriefItems(pool, profile, [{ index: pool.index.indexOf(4)!, score: 1 }], 3);
    expect(item?.related).toEqual([]);
  });
});

/** The related insights a brief shows under insight 1, in a pool of `insights` and OTHERS. */
function relatedUnderFirst(insights: InsightWithContext[]): number[] {
  const pool = poolOf([...insights, ...OTHERS]);
  const [item] = toBriefItems(pool, profile, [{ index: pool.index.indexOf(1)!, score: 1 }], 3);
  return item?.related.map((r) => r.insightId) ?? [];
}

describe('where related insights find the theme', () => {
  const other = insight(
    2,
    2,
    'Donald Trump defends his tariffs',
    'Donald Trump says tariffs bring factories home; economists disagree.',
  );

  it('a neutral headline (the episode title, for an insight with no claim of its own) counts as shown', () => {
    const neutral = insight(1, 1, 'From “Trump Tariffs Week”', 'Donald Trump announced tariffs on Canada this week.');
    expect(relatedUnderFirst([neutral, other])).toEqual([2]);
  });

  it('a show-notes headline naming the guests leaves the theme to the episode title', () => {
    const guests = {
      ...insight(1, 1, 'Galen speaks with two guests', 'Galen speaks with two guests about Donald Trump and Canada.'),
      episodeTitle: 'Trump Tariffs Week',
    };
    expect(relatedUnderFirst([guests, other])).toEqual([2]);
  });
});

describe('which insights are weighed as related', () => {
  it('one sharing a theme word that weighs little in a long item is still found', () => {
    // The long item's rarest words (a guest, a university, a brigade) are its heaviest features, and
    // the item's own show says "Donald Trump" daily: probing by the heaviest features misses insight 2.
    const long = insight(
      1,
      1,
      'Donald Trump and the nuclear strike',
      'Donald Trump could launch a nuclear strike, physicist David Wright of the Union of Concerned Scientists explains, and professor James Fernandez of NYU recalls the Abraham Lincoln Brigade, three thousand Americans who fought fascism in Spain before it spread across Europe.',
    );
    const congress = insight(
      2,
      2,
      'Donald Trump addresses Congress',
      'Donald Trump will address Congress on Tuesday night about the shutdown.',
    );
    const daily = [3, 4, 5, 6, 7, 8, 9, 10].map((id) =>
      insight(id, 1, `Donald Trump on day ${id}`, `Donald Trump spoke again on day ${id} of the week.`),
    );
    expect(relatedUnderFirst([long, congress, ...daily])).toEqual([2]);
  });

  it('with embeddings, a lexical neighbour whose shared telling word is only in the texts is weighed too', () => {
    // An embedding may vouch for a pair with any telling word in common (brief-items.ts), so the
    // item's lexical neighbours are candidates beside those sharing a word its headline names.
    const fight = insight(1, 1, 'A trade fight', 'Donald Trump announced tariffs on Canada and Mexico.');
    const factories = insight(2, 2, 'Factories come home', 'Economists doubt that tariffs on Canada help factories.');
    const insights = [fight, factories, ...OTHERS];
    // Close (cosine 0.7), not near-duplicates (0.92); the others elsewhere.
    const vector = (i: InsightWithContext) => (i.id === 1 ? [1, 0, 0] : i.id === 2 ? [0.7, 0.71, 0] : [0, 0, 1]);
    const pool = buildBriefPool(
      insights,
      new Map(insights.map((i) => [i.id, { ...indexEntryFor(i), embedding: vector(i), embeddingModel: 'm' }])),
      { now: NOW },
    );
    expect(pool.index.themeNeighbours(pool.index.indexOf(1)!)).not.toContain(pool.index.indexOf(2));
    const [item] = toBriefItems(pool, profile, [{ index: pool.index.indexOf(1)!, score: 1 }], 3);
    expect(item?.related.map((r) => r.insightId)).toEqual([2]);
  });
});
