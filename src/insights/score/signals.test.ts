import { describe, expect, it } from 'vitest';
import { claimStrength, endsOnSetup, startsDangling } from './signals.js';

describe('startsDangling', () => {
  it('flags openers that point back or only thank', () => {
    for (const text of [
      'thank you, wes. i define good taste as knowing what people want.',
      'yeah, so happy to give an overview.',
      "that's a great question. we tried it twice.",
      'it failed because of that.',
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
