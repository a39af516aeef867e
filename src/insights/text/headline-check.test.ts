import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../../test/corpus.js';
import { analyse, termWeighter } from '../../text/index.js';
import { keepMask, renderKept } from './clean.js';
import { headlineSentences, makeHeadline } from './headline.js';
import { neutralHeadline } from '../../model/neutral-headline.js';
import { repeatsOpening, standsBeside } from './headline-check.js';
import { readableHeadline } from './readable-headline.js';

/** Talk, not a claim: beside a text it shares nothing with, the headline still does not stand. */
const opensOnTalk = (headline: string): boolean => !standsBeside(headline, 'Rainfall doubled across Norway in March.');

/** The engine's headline for a passage, held to standing beside the passage's cleaned text. */
function strictHeadline(passage: string): { headline: string; text: string } {
  const { tokens, sentences } = analyse(passage);
  const keep = keepMask(tokens);
  const text = renderKept(tokens, keep);
  const headline = makeHeadline(
    headlineSentences(
      sentences.map(([a, b]) => tokens.slice(a, b + 1)),
      sentences.map(([a, b]) => keep.slice(a, b + 1)),
    ),
    termWeighter(),
    [],
    text,
  );
  return { headline, text };
}

describe('a headline beside its text', () => {
  it('repeats the opening when all its words start the text, in order, give or take a filler', () => {
    const text = "I'm shifting from the role of deciding on everything to coaching. I'm going to ask good questions.";
    expect(repeatsOpening("I'm shifting from the role of deciding on everything to coaching", text)).toBe(true);
    expect(repeatsOpening('Shifting from deciding to coaching', `So, um, basically ${text}`)).toBe(true);
    expect(repeatsOpening("I'm going to ask good questions", text)).toBe(false);
    // An abbreviation is not the end of the opening.
    expect(
      repeatsOpening(
        'Rep. Tulsi Gabbard discusses U.S. Regime change',
        'Rep. Tulsi Gabbard discusses U.S. Regime change, North Korea and why Bernie Sanders would have won.',
      ),
    ).toBe(true);
    // A title's last word is not an abbreviation: the second sentence is not the opening.
    expect(
      repeatsOpening(
        'Galen speaks with Nathaniel Rakich and Mary Radcliffe',
        'Reaction Podcast: Trump Goes Long. Galen speaks with Nathaniel Rakich and Mary Radcliffe tonight.',
      ),
    ).toBe(false);
  });

  it('is talk when it opens on a hedge or discourse marker', () => {
    expect(opensOnTalk("As far as I'm concerned")).toBe(true);
    expect(opensOnTalk('You know, the market decided')).toBe(true);
    expect(opensOnTalk('And then we shipped it')).toBe(true);
    expect(opensOnTalk('Wellness apps keep users for a week')).toBe(false);
    expect(opensOnTalk('Ok-rated models still ship')).toBe(false);
    expect(opensOnTalk('Small teams ship faster')).toBe(false);
  });

  it('is talk on every marker a headline drops, not only on some of them', () => {
    // The check and the markers a headline loses were two lists: "So…", "Now…", "Look,…" passed as claims.
    for (const said of [
      'So if I can kind of tie this together',
      'Now, with agentic systems, this gets harder',
      'Look, the churn numbers lie',
      'Obviously the rules changed',
      'Right, and the rules changed',
      'Yeah.',
    ])
      expect(opensOnTalk(said), said).toBe(true);
    // The same word as the sentence's own: not talk.
    for (const said of [
      'So many pods fail on their first day',
      'Now is the time to hire a platform team',
      'Look at the churn numbers before the pricing page',
      'Well-run teams ship faster',
      '“Honest pricing” wins customers',
    ])
      expect(opensOnTalk(said), said).toBe(false);
    const text = 'We route seven percent of requests to the hosted model, and the rest to our own cluster.';
    expect(readableHeadline('So if I can kind of tie this together', text, 'E12')).toBe('From “E12”');
  });

  it('gives way to a neutral headline from the episode title', () => {
    const text = "As far as I'm concerned, the rules changed in 2019 and nobody noticed.";
    expect(readableHeadline("As far as I'm concerned", text, 'E12: The rules')).toBe('From “E12: The rules”');
    expect(readableHeadline('The rules changed in 2019', text, 'E12: The rules')).toBe('From “E12: The rules”');
    expect(readableHeadline('Nobody noticed the new rules', text, 'E12')).toBe('Nobody noticed the new rules');
    expect(readableHeadline('From “E12”', text, 'E13')).toBe('From “E12”');
    expect(standsBeside('From “E12”', text)).toBe(false);
    expect(neutralHeadline('x '.repeat(60)).length).toBeLessThan(90);
    expect(neutralHeadline('  ')).toBe('');
  });
});

describe('makeHeadline held to its text', () => {
  it('takes a later claim rather than the opening again', () => {
    const { headline, text } = strictHeadline(
      'Most outages come from configuration drift. Teams patch production by hand and never write the change back into the repository.',
    );
    expect(headline).not.toBe('');
    expect(repeatsOpening(headline, text)).toBe(false);
    expect(headline).toMatch(/^Teams patch production/);
  });

  it('has no headline when the only claim is the opening, or it is talk', () => {
    expect(strictHeadline('Most outages in a cluster come from configuration drift, honestly.').headline).toBe('');
    expect(strictHeadline("As far as I'm concerned. Yeah, yeah, totally, for sure, you know.").headline).toBe('');
  });
});

describe('makeHeadline on claims framed by a marker and a reporting verb', () => {
  it('headlines the claim, not the framing or its "that"', () => {
    // lennys-podcast-dmitry-zlokazov
    expect(
      strictHeadline(
        "I was really inspired by this one, especially given how I appreciate how it's not easy to build hardware. And also I think that there are different archetypes of product managers.",
      ).headline,
    ).toBe('There are different archetypes of product managers');
    // lennys-podcast-nickey-skarstad
    expect(
      strictHeadline(
        "Where I usually have more trouble is with leadership that aren't necessarily in the weeds with your team every day. And actually I found that teams who are very bought to your vision and strategy are less distractable.",
      ).headline,
    ).toMatch(/^Teams who are very bought to your vision/);
  });

  it('keeps a negated reporting verb with its claim: "don\'t think X" never becomes "X"', () => {
    // podlets-004-observability: the claim alone said the opposite ("Every one needs to be automated").
    expect(
      strictHeadline(
        'Yeah, I mean I think like they certainly can be automated. I just don’t think that there is a hard bit of criteria that says every one needs to be automated. Like there ain’t nothing wrong with SSH-ing into a server and running a debug script or something if you are having a really bad day.',
      ).headline,
    ).toBe('I don’t think that there is a hard bit of criteria');
    const negated: Array<[string, string]> = [
      [
        "Most of this came out of the survey. The operators don't know that the cluster is running out of memory every night.",
        "The operators don't know that the cluster is running out of memory",
      ],
      [
        'Most of this came out of the survey. I don’t think open models will catch up with the frontier labs this year.',
        'I don’t think open models will catch up with the frontier labs',
      ],
      [
        'Galen thinks the race is close. I never said that Biden would win Ohio in the fall.',
        'I never said that Biden would win Ohio in the fall',
      ],
      [
        'We ran the numbers twice. The point isn’t that the cluster is slow.',
        'The point isn’t that the cluster is slow',
      ],
    ];
    for (const [passage, expected] of negated) expect(strictHeadline(passage).headline, passage).toBe(expected);
  });

  it('falls back to no headline rather than the claim without its negation', () => {
    // podlets-014-jobs-in-cloud-native: the only claim is the text's opening, so the item is titled neutrally.
    expect(
      strictHeadline(
        'Yeah, I don’t think that you need to have a certification to do a job. I really don’t think so unless it is like required by law like you have to.',
      ).headline,
    ).toBe('');
    // The Intercepted show notes: the headline was "Journalist Naomi Klein warns that the Trudeau".
    expect(
      strictHeadline(
        'We talk to him about Canada’s stop and frisk and how Cole would change Toronto. Journalist Naomi Klein warns that the Trudeau and Trump brands may have more in common than expected.',
      ).headline,
    ).not.toMatch(/that the Trudeau$/);
    // The negated claim is too long to end well within twelve words: no headline, not "the cluster".
    expect(
      strictHeadline(
        "We ran the numbers twice. Most operators on the night shift don't know that the cluster behind the main storefront is failing.",
      ).headline,
    ).toBe('');
  });

  it('still has none when the claim after "that" points back', () => {
    // podlets-007-kubernetes-as-per-kelsey-hightower
    expect(
      strictHeadline(
        'It’s a little daunting. So I do think that they definitely came with the much stronger game with this JX command.',
      ).headline,
    ).toBe('');
  });
});

describe('makeHeadline holds a headline to a main verb and a subject the reader can place', () => {
  const moved = 'We moved the whole team to Lisbon last spring.';

  it('keeps the main verb after a relative clause, and "there" with adverbs before its verb', () => {
    for (const claim of [
      'Teams that are already ahead ship twice as often as the rest.',
      'Founders who are not there yet struggle with hiring.',
      'There really are two kinds of founders in this market.',
      'There still is a gap between plans and releases.',
    ])
      expect(strictHeadline(`The scheduler places the pods on nodes. ${claim}`).headline, claim).not.toBe('');
  });

  it("has none for a noun phrase whose only verbs are its relative clause's", () => {
    expect(
      strictHeadline('The scheduler places the pods on nodes. And the services that are still running.').headline,
    ).toBe('');
    expect(
      strictHeadline('The scheduler places the pods on nodes. The nodes that have been failing all week.').headline,
    ).toBe('');
  });

  it('still finds the main verb after a relative clause', () => {
    expect(strictHeadline('Fair enough. The team that was hired in March has shipped billing.').headline).toBe(
      'The team that was hired in March has shipped billing',
    );
  });

  it('has none when it opens on "here" or "there" as a place the reader has not seen', () => {
    expect(strictHeadline(`${moved} And here I race with the local crew and other athletes.`).headline).toBe('');
    expect(strictHeadline(`${moved} There we learned to ship the billing system twice a week.`).headline).toBe('');
    expect(strictHeadline(`${moved} There is a reason teams ship the billing system twice a week.`).headline).toBe(
      'There is a reason teams ship the billing system twice a week',
    );
  });
});

describe('makeHeadline on a claim placed in time by "this"', () => {
  it('reads "this week …" as a claim, "this …" pointing back as none', () => {
    const opening = 'The laptop ships with Fedora on every model.';
    expect(strictHeadline(`${opening} And this week we put the battery to the test.`).headline).toBe(
      'This week we put the battery to the test',
    );
    expect(strictHeadline(`${opening} And this model we put through a battery test.`).headline).toBe('');
  });
});

describe.runIf(requireCorpus())('makeHeadline on the passages bench:day briefed', () => {
  /** The sentence of an eval-public transcript holding `words`, read in place. */
  async function spoken(episode: string, words: string): Promise<string> {
    const md = await readFile(corpusPath('eval-public', episode, 'transcript.md'), 'utf8');
    const line = (md.split('\n').find((l) => l.includes(words)) ?? '').replace(/^\*\*\[[\d:]+\]\*\*\s*/, '');
    return line.slice(Math.max(0, line.lastIndexOf('. ', line.indexOf(words)) + 1)).trim();
  }

  it('gives no claim for "the applications that is running" nor "here I talk …"', async () => {
    const podlets = await spoken('podlets-022-orchestrators-and-runtimes', 'And the applications that is running');
    expect(podlets).toContain('applications that is running');
    expect(strictHeadline(podlets).headline).not.toMatch(/^The applications that is running/);
    const misfit = await spoken('misfit-podcast-e398-kitchen-sink-episode-ag-semifinals', 'here I talk shit with');
    expect(misfit).toContain('here I talk');
    expect(strictHeadline(misfit).headline).not.toMatch(/^Here I talk/);
  });
});
