import { describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../../test/corpus.js';
import { analyse } from '../../text/index.js';
import { readTranscriptFile } from '../../transcripts/index.js';
import { extractInsights } from '../extract.js';
import { countsSomething, numericDensity } from './density.js';

const density = (text: string): number => {
  const words = analyse(text).tokens.filter((t) => t.isWord);
  return numericDensity(words.filter(countsSomething).length, words.length);
};

// Misfit Podcast e398 at 15:00 (../shared/corpus/eval-public): a workout read out, not a takeaway.
const TALLY =
  "Little, I don't know, this is probably Jackie 5.0 at this time, at this point. Workout number one, five rounds, seven squat snatches, 135.95. I'm going to do 35 to 39 and just kind of assume that you guys know that hopefully it's scale number.";

describe('numericDensity', () => {
  it('reads a workout tally as counts', () => {
    expect(density(TALLY)).toBeGreaterThan(0.4);
  });

  it('does not count "one of", "no one" or a single statistic as a tally', () => {
    const claim =
      'One of the things we learned is that no one reads the onboarding email. Churn fell by 30 percent after we cut it, because people went straight to the product.';
    expect(density(claim)).toBeLessThan(0.2);
  });
});

describe.runIf(requireCorpus())('the embedded engine on a workout tally', () => {
  it('does not make the tally the episode’s top insight', async () => {
    const transcript = await readTranscriptFile(
      corpusPath('eval-public', 'misfit-podcast-e398-kitchen-sink-episode-ag-semifinals', 'transcript.md'),
    );
    const [top] = extractInsights(transcript);
    expect(top?.text).not.toMatch(/five rounds, seven squat snatches/);
  });
});
