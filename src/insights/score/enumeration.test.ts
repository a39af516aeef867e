import { describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../../test/corpus.js';
import { analyse } from '../../text/index.js';
import { readTranscriptFile } from '../../transcripts/index.js';
import { extractInsights } from '../extract.js';
import { listing } from './enumeration.js';

const listingOf = (text: string): number => listing(analyse(text).tokens);

describe('listing', () => {
  it('reads items in one repeated clause frame as a list', () => {
    expect(listingOf("We've got the sled push, we got two rowers, we've got a bike, we've got the wall balls.")).toBe(
      1,
    );
    expect(listingOf('Round one, ten pull-ups, twenty push-ups, 400 meters, then rest.')).toBe(1);
    expect(listingOf("There's a pool, there's a sauna, and there's a gym downstairs.")).toBe(0.5);
  });

  it('does not count parallel actions, asides or a single repeat', () => {
    expect(listingOf('You can use a deployment, you can run a job, you can get workloads up without knowing it.')).toBe(
      0,
    );
    expect(listingOf('We tried Nomad, Swarm, Mesos, and Kubernetes before we settled.')).toBe(0);
    expect(listingOf('So, you know, the team, you know, shipped it, you know, in a week.')).toBe(0);
    expect(listingOf('We got the budget, and we got the hiring plan approved because the numbers held.')).toBe(0);
    // Claims framed by a reporting verb are claims, however many.
    expect(listingOf("I think it works, I think it scales, I think it's cheap, I think it's done.")).toBe(0);
    expect(listingOf("She thinks it works, she thinks it scales, she thinks it's cheap.")).toBe(0);
  });

  it('reads a sentence of 150,000 clause frames without running out of stack', () => {
    // Each clause "aN b c," has its own frame: more distinct frames than a call can take arguments.
    const clause = analyse('a b c,').tokens;
    const tokens = Array.from({ length: 150_000 }, (_, i) =>
      clause.map((t, k) => (k === 0 ? { ...t, value: `a${i}`, normal: `a${i}` } : t)),
    ).flat();
    expect(listing(tokens)).toBe(0);
  });
});

describe.runIf(requireCorpus())('the embedded engine on a list read out', () => {
  it('does not brief the e398 list of the semifinal workouts', async () => {
    const transcript = await readTranscriptFile(
      corpusPath('eval-public', 'misfit-podcast-e398-kitchen-sink-episode-ag-semifinals', 'transcript.md'),
    );
    const texts = extractInsights(transcript).map((i) => i.text);
    // Found in place: the passage (Misfit Podcast e398 at 34:12) is a run of "we've got …" clauses.
    const list = transcript.segments.find((s) => /we've got the rope climbs/.test(s.text));
    expect(list).toBeDefined();
    expect(texts.some((t) => t.includes("we've got the rope climbs"))).toBe(false);
  });
});
