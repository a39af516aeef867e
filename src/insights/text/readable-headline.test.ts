import { describe, expect, it } from 'vitest';
import { readableHeadline, standingHeadline } from './readable-headline.js';

/** The headline as shown above a text it shares nothing with: '' when it does not stand. */
const shown = (headline: string): string => standingHeadline(headline, 'Rainfall doubled across Norway in March.');

// Sentences as spoken in ../shared/corpus (eval-public transcripts), copied verbatim.
describe('a headline opening on a discourse marker', () => {
  it('loses the marker and keeps the claim after it, capitalised', () => {
    // podlets-002-container-orchestration
    expect(shown('And there is no single right way of doing it.')).toBe('There is no single right way of doing it.');
    // lennys-podcast-aishwarya-naresh-reganti-kiriti-badam
    expect(shown("Now there is no guarantee that this is the only problem that you're going to see.")).toBe(
      "There is no guarantee that this is the only problem that you're going to see.",
    );
    expect(shown('I mean there are only so many pods that can stuff in four instances')).toBe(
      'There are only so many pods that can stuff in four instances',
    );
    expect(shown('So you really need to figure out as you go.')).toBe('You really need to figure out as you go.');
    expect(shown('Yeah, so, the evaluation should include a fine-tuned version')).toBe(
      'The evaluation should include a fine-tuned version',
    );
  });

  it('keeps the marker when what follows it is not a claim of its own, and is then not shown', () => {
    for (const said of [
      // It points back at what was said before.
      'Well, basically, it’s a way that we can run our software on other people’s computers',
      'And that helps because then it gets people excited.',
      // A condition or an aside, not a claim.
      'So if I can kind of tie this together',
      'And with agentic systems, this kind of gets even harder.',
    ])
      expect(shown(said), said).toBe('');
  });

  it('stays as it is when the first word is the sentence’s own, not a marker', () => {
    for (const said of [
      'Look at the churn numbers before the pricing page',
      'So many pods fail on their first day',
      'Now is the time to hire a platform team',
      'You see these very cloud native platforms',
      // A hyphen makes the marker part of a word.
      'Well-run teams ship faster than big ones',
      'Ok-rated models still ship',
    ])
      expect(shown(said), said).toBe(said);
  });

  it('is shown without the marker rather than replaced by the episode title', () => {
    const text =
      'We route roughly seven percent of requests to the hosted frontier model. It would have cost more in engineering time than the API bill.';
    expect(readableHeadline('So self-hosting the bulk of requests saves money', text, 'E118')).toBe(
      'Self-hosting the bulk of requests saves money',
    );
    expect(standingHeadline('And there is no single right way of doing it', text)).toBe(
      'There is no single right way of doing it',
    );
    expect(readableHeadline("As far as I'm concerned", text, 'E118')).toBe('From “E118”');
    expect(standingHeadline("As far as I'm concerned", text)).toBe('');
  });
});
