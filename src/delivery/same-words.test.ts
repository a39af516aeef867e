import { describe, expect, it } from 'vitest';
import { sameSaying } from './same-words.js';

describe('sameSaying', () => {
  it('is true when the text is the quote without fillers, stutters, punctuation or case', () => {
    expect(sameSaying('Kubernetes is an orchestrator.', 'Um, Kubernetes is, uh, an an orchestrator')).toBe(true);
    expect(sameSaying("It's the network, stupid!", 'it’s the network stupid')).toBe(true);
    expect(
      sameSaying(
        'We have an orchestrator but now we are dealing with all the higher level tools.',
        'we have an orchestrator but now we are dealing with [inaudible] and all the higher level tools',
      ),
    ).toBe(true);
    // A stutter with a filler between (the demo's Margin Notes item showed its text twice).
    expect(
      sameSaying(
        'Those people are rare in logistics. In the end we hired one.',
        'Those people are rare in, uh, in logistics. In the end we hired one.',
      ),
    ).toBe(true);
  });

  it('is true when the quote only opens on a discourse marker the text dropped (Lenny’s, Rachel Lockett at 1:15:54)', () => {
    expect(
      sameSaying(
        "The other person doesn't have to meet my request. They might make a counter proposal.",
        "Now, the other person doesn't have to meet my request. They might make a counter proposal.",
      ),
    ).toBe(true);
    expect(
      sameSaying(
        'All of a sudden, yes, we have an orchestrator. Kubernetes becomes a runtime.',
        'Because, all of a sudden, yes, we have an orchestrator. Kubernetes becomes a runtime.',
      ),
    ).toBe(true);
    // Past the opening, "now" is a word said.
    expect(sameSaying('We ship on Fridays.', 'We now ship on Fridays.')).toBe(false);
  });

  it('is false when either says something the other does not', () => {
    expect(sameSaying('Kubernetes is an orchestrator.', 'Kubernetes is not an orchestrator.')).toBe(false);
    expect(sameSaying('Kubernetes is an orchestrator for containers.', 'Kubernetes is an orchestrator.')).toBe(false);
    expect(sameSaying('Rates will fall.', 'The guest argues that rates will fall next year.')).toBe(false);
    expect(sameSaying('', 'anything')).toBe(false);
    // A word said once and left out is not a stutter, fillers around it or not.
    expect(sameSaying('Rates will fall.', 'Rates, uh, never will fall.')).toBe(false);
  });
});
