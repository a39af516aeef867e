import { describe, expect, it } from 'vitest';
import { analyse } from '../../text/index.js';
import { opensOnUnplacedSubject } from './unplaced-subject.js';

const opens = (sentence: string): boolean => opensOnUnplacedSubject(analyse(sentence).tokens);

describe('opensOnUnplacedSubject', () => {
  it.each([
    "It's small, quiet and fast enough for a build server.",
    'It ships with a new kernel every spring.',
    'She explains how the court ruled and what comes next.',
    "He's back in the studio with a new album.",
    'It also ships with a new kernel every spring.',
    'He now leads the team that built it.',
    "It's perfect for small teams.",
    'It takes stunning photos at night.',
    'It happened on a Tuesday.',
  ])('flags a pronoun subject for something the sentence does not name: %s', (s) => {
    expect(opens(s)).toBe(true);
  });

  it.each([
    "It's the week before the conference and the demos are ready.",
    "It's been four days since the vote.",
    "It's hard to overstate how much the vote matters.",
    'It turns out most startups fail because they run out of cash.',
    'It takes three years to train a pilot.',
    'It is important for teams to ship on Fridays.',
    "It's worth noting that the vote was close.",
    'This week we test the new laptop.',
    'They also preview the primaries.',
    'The laptop ships with a new kernel every spring.',
  ])('does not flag an "it" that presents what follows, nor a named subject: %s', (s) => {
    expect(opens(s)).toBe(false);
  });
});
