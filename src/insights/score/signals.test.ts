import { describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../../test/corpus.js';
import { readTranscriptFile } from '../../transcripts/index.js';
import { extractInsights } from '../extract.js';
import { claimStrength, endsOnSetup, startsDangling } from './signals.js';

describe('startsDangling', () => {
  it('flags openers that point back or only thank', () => {
    for (const text of [
      'thank you, wes. i define good taste as knowing what people want.',
      'yeah, so happy to give an overview.',
      "that's a great question. we tried it twice.",
      'it failed because of that.',
      'so and even here, like now that we moved, the gym is packed.',
      'and like here i train with the locals.',
      'there, we tried it twice.',
    ]) {
      expect(startsDangling(text), text).toBe(true);
    }
  });

  it('does not flag claims that open on similar words', () => {
    for (const text of [
      'thanks to cheaper gpus, inference costs fell ten times in two years.',
      'good point-of-sale data tells you more than any survey.',
      'of course, most startups fail because they run out of cash, not ideas.',
      'for sure the biggest risk is hiring too fast.',
      'even if the model is right, nobody trusts it.',
      'even senior engineers skip the rollback drill every quarter.',
      "there's a reason teams ship twice a week.",
      'there are only so many pods a node can hold.',
      'here is how the scheduler places pods.',
    ]) {
      expect(startsDangling(text), text).toBe(false);
    }
  });
});

describe('endsOnSetup', () => {
  it('flags passages that point at a later part of the show', () => {
    for (const text of [
      "and we'll talk a little bit more down the line about memory.",
      "we'll get to that later.",
      'more on that in a minute.',
      'let me give you an example.',
    ]) {
      expect(endsOnSetup(text), text).toBe(true);
    }
  });

  it('does not flag "later" as a plain idiom', () => {
    for (const text of [
      'technical debt you take on now costs you ten times more down the line.',
      'after the break-up of the bank, lending to small firms dropped by half.',
      'we will get to it only when revenue justifies the hire.',
    ]) {
      expect(endsOnSetup(text), text).toBe(false);
    }
  });
});

describe('claimStrength', () => {
  it('reads "however" as a contrast only where it connects clauses (Misfit e398: "boxes, cups, however you want to say it")', () => {
    expect(claimStrength('boxes, cups, however you want to say it, like the entire month of may.')).toBe(0);
    for (const text of [
      'however, the deadlift ladder rewards strength over pacing.',
      'the ladder rewards strength. however the rowing favours engines.',
      'the ladder rewards strength, however.',
    ])
      expect(claimStrength(text), text).toBeGreaterThan(0);
  });
});

describe.runIf(requireCorpus())('the embedded engine on a passage opening on "even here"', () => {
  it('does not brief Misfit e398 at 1:05:05, whose "here" the reader cannot place', async () => {
    const transcript = await readTranscriptFile(
      corpusPath('eval-public', 'misfit-podcast-e398-kitchen-sink-episode-ag-semifinals', 'transcript.md'),
    );
    const opener = 'even here, like now that';
    expect(transcript.segments.some((s) => s.text.includes(opener))).toBe(true);
    expect(extractInsights(transcript).some((i) => i.quote.includes(opener))).toBe(false);
  });
});
