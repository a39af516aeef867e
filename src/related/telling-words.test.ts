import { describe, expect, it } from 'vitest';
import { OTHER_SUBJECTS, otherSubjectText } from '../../test/helpers/other-subjects.js';
import { poolItem as item } from '../../test/helpers/pool-item.js';
import { InsightPool } from './pool.js';
import { isRelatedEvidence } from './telling-words.js';

/** Filler insights from other shows, so that words of the pairs below are rare in the pool. */
const FILLER = OTHER_SUBJECTS.slice(0, 6).map((h, i) => item(100 + i, 10 + i, h, otherSubjectText(h)));

describe('telling evidence of a pair', () => {
  const pool = new InsightPool([
    item(
      1,
      1,
      'Donald Trump announces tariffs on Canada',
      'President Donald Trump announced tariffs on Canada and Mexico.',
    ),
    item(2, 2, 'Donald Trump gets a visit from two lawyers', 'Donald Trump meets his lawyers in the Oval Office.'),
    item(
      3,
      3,
      'The model passed every test people ran',
      'People ran the test, and the model passed it, a thing to see.',
    ),
    item(4, 4, 'Our model fails a test', 'People think the model fails the test, one thing among many.'),
    item(5, 5, 'Taylor Swift releases Midnights', 'Taylor Swift talks about the album Midnights.'),
    item(6, 6, 'Learning Swift on iOS', 'Paul teaches the Swift language for iOS apps.'),
    ...FILLER,
  ]);
  const evidence = (a: number, b: number) => pool.tellingEvidence(pool.indexOf(a)!, pool.indexOf(b)!);

  it('finds the same named subject in both headlines', () => {
    const e = evidence(1, 2);
    expect(e.words).toBeGreaterThanOrEqual(2); // "donald", "trump"
    expect(e.inHeadlines).toBeGreaterThanOrEqual(1);
    expect(e.names).toBeGreaterThanOrEqual(1);
    expect(isRelatedEvidence(e)).toBe(true);
  });

  it('ignores generic words such as model, test, people and thing', () => {
    const e = evidence(3, 4);
    expect(e.words).toBe(0);
    expect(isRelatedEvidence(e)).toBe(false);
  });

  it('does not relate two items sharing one name used for different things', () => {
    expect(isRelatedEvidence(evidence(5, 6))).toBe(false);
  });

  it('is symmetric and does not depend on the rest of the set', () => {
    expect(evidence(1, 2)).toEqual(evidence(2, 1));
    const small = new InsightPool([pool.items[0]!, pool.items[1]!, ...pool.items.slice(6)]);
    expect(isRelatedEvidence(small.tellingEvidence(0, 1))).toBe(true);
  });
});
