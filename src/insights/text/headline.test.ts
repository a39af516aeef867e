import { describe, expect, it } from 'vitest';
import { analyse, termWeighter } from '../../text/index.js';
import { matchWords } from '../../transcripts/normalize.js';
import { keepMask } from './clean.js';
import { HEADLINE_MAX_WORDS, headlineSentences, makeHeadline } from './headline.js';

function headline(text: string): string {
  const { tokens, sentences } = analyse(text);
  const keep = keepMask(tokens);
  return makeHeadline(
    headlineSentences(
      sentences.map(([a, b]) => tokens.slice(a, b + 1)),
      sentences.map(([a, b]) => keep.slice(a, b + 1)),
    ),
    termWeighter(),
  );
}

/** Every headline word comes from the passage, in order: nothing added, nothing reordered. */
function isSubsequence(short: string, long: string): boolean {
  const words = matchWords(long);
  let at = 0;
  return matchWords(short).every((w) => {
    while (at < words.length && words[at] !== w) at += 1;
    return at++ < words.length;
  });
}

// Passages from the demo transcripts and the shared corpus.
const PASSAGES = [
  'Finding someone who had actually run model inference in production, not just called an API, took five months. Those people are rare in, uh, in logistics. In the end we hired one and paired them with two of our platform engineers, and that team now supports three AI workflows.',
  'Whether the safe-harbor idea gets any traction, and whether the adoption numbers keep climbing. If we see adoption flatten while the models keep getting better, that tells me the legal uncertainty is winning. If it keeps rising toward half of mid-size companies, the market has basically decided, and policy is going to have to catch up with it.',
  'Two things that you need to understand about how Revolut operates is that we operate in small lean teams that are tasked to build products and as I mentioned, and having end-to-end responsibility for products.',
  "A lot of people tend to get that low back pump when it comes to box jump overs and wall balls. You're just kind of sitting in those hips for a while.",
  'More than people think. We surveyed 412 US companies with between 500 and 5,000 employees this spring. Thirty-eight percent were running at least one open-weight model in production, up from fifteen percent the year before.',
  "Stuart Last, the CEO of Audioboom, said the business is returning to growth mode, which is great, and it's true.",
];

describe('makeHeadline', () => {
  it.each(PASSAGES)('is a short phrase taken from the passage: %s', (passage) => {
    const h = headline(passage);
    expect(h.split(' ').length).toBeLessThanOrEqual(HEADLINE_MAX_WORDS);
    expect(h.split(' ').length).toBeGreaterThanOrEqual(2);
    expect(isSubsequence(h, passage), h).toBe(true);
    expect(h, 'no dangling pronoun up front').not.toMatch(/^(it|it's|that|this|these|those|they|he|she|which)\b/i);
    expect(h, 'no trailing preposition, conjunction or article').not.toMatch(
      /\b(of|to|in|on|at|for|with|by|from|and|or|but|the|a|an|that)$/i,
    );
    expect(h).toMatch(/^\p{Lu}|^\d/u);
  });

  it('takes the claim, not the framing or a subordinate clause', () => {
    expect(headline(PASSAGES[2] as string)).toBe('We operate in small lean teams that are tasked to build products');
    expect(headline(PASSAGES[5] as string)).toBe('The business is returning to growth mode');
    expect(headline('I think the key is to ship small changes every day.')).toBe(
      'The key is to ship small changes every day',
    );
  });

  it('keeps the negation of a reporting verb with its claim', () => {
    // podlets-014-jobs-in-cloud-native: the headline was "You need to have a certification to do a job".
    expect(
      headline(
        'Yeah, I don’t think that you need to have a certification to do a job. I really don’t think so unless it is like required by law like you have to.',
      ),
    ).not.toMatch(/^You need/);
  });

  it('never stops at a copula whose complement is the next clause', () => {
    // Margin Notes (demo): the headline was "The signal I look".
    const text =
      'The signal I look for is when the founder is spending more than about a third of their week just coordinating.';
    expect(headline(text)).not.toMatch(/^The signal I look$/);
    expect(headline(text)).toMatch(/founder is spending/);
  });

  it('never turns a conditional into a statement', () => {
    expect(headline(PASSAGES[1] as string)).not.toMatch(/^(The market has|Policy is going)/);
    // Lenny's Podcast, Seth Godin: the condition is asked as a question, the next sentence answers.
    const seth =
      "If on the other hand, you can have one difficult conversation with your boss and say, can we agree that I'm not trying to match your taste, I'm trying to match the taste of these 400 people that we've agreed are our customers? Every other meeting is going to go way better from now on because you've made it clear who you're trying to please.";
    expect(headline(seth)).not.toMatch(/^Every other meeting/);
  });

  it('reads as a claim: a subject and its verb beat a weightier verbless phrase', () => {
    // Lenny's Podcast, Dmitry Zlokazov.
    const text =
      'Sometimes the product is built, but then product owners are the ones who also make sure that, for example, customer care team or sales and marketing team are using it to a full extent because without it could be just another feature.';
    expect(headline(text)).toMatch(/^Product owners are/);
  });

  it('keeps a condition that follows its main clause rather than falling back to a noun phrase', () => {
    // Lenny's Podcast, Nickey Skarstad.
    const text =
      "Airbnb does not ship product if it is not good. And even if they're trying new things, they are obsessed with the end consumer experience.";
    expect(headline(text)).toBe('Airbnb does not ship product if it is not good');
  });

  it('gives a verb its subject back across an aside', () => {
    // Talk Python 507.
    const text =
      'So LangChain, the open source tool, is basically a tool for developers to use LLMs and really increase the value of LLMs or kind of augment the power of LLMs with your data.';
    expect(headline(text)).toBe('LangChain is a tool for developers to use LLMs');
  });

  it('ends on a whole phrase: a verb keeps its particle, a relative clause reaches its verb', () => {
    // Lenny's Podcast, Rachel Lockett.
    expect(
      headline(
        "The most important thing is that the other person understands what I'm going through and they don't feel reactive.",
      ),
    ).toBe("The other person understands what I'm going through");
    // The Podlets 015: cutting at twelve words would stop inside "that protocol architects … go through".
    const h = headline(
      'The work, the amazing amount of work that protocol architects and network engineers go through to understand just exactly how the behavior of those systems will work.',
    );
    expect(h).not.toMatch(/protocol architects$|network engineers$/);
    expect(
      headline(
        "The relevant question isn't just what can this model do, it's what can this model do after someone spends a few hundred dollars fine-tuning it.",
      ),
    ).toBe("The relevant question isn't what can this model do");
    // The comma between two verb phrases stays; none is added where the headline skipped an aside.
    expect(
      headline('We could have spent months on it. So the rule is: self-host the bulk, pay the API for the tail.'),
    ).toBe('Self-host the bulk, pay the API for the tail');
    for (const [sentence, expected] of [
      ['Honestly, self-host the bulk, pay the API for the tail.', 'Self-host the bulk, pay the API for the tail'],
      ['Self-host the bulk, just pay the API for the tail.', 'Self-host the bulk, pay the API for the tail'],
      ['So the rule is: self-host the bulk; pay the API for the tail.', 'Self-host the bulk; pay the API for the tail'],
    ])
      expect(headline(`We could have spent months on it. ${sentence}`), sentence).toBe(expected);
    // A verb inside a relative clause is not the claim's verb.
    expect(headline('The companies that we studied, almost all of them, grew faster after they cut prices.')).toBe(
      'Almost all of them grew faster after they cut prices',
    );
  });

  it('drops list framing and skips a verb that belongs to an earlier subject', () => {
    // Lenny's Podcast, Seth Godin.
    expect(
      headline(
        'And the second thing is AI very soon is going to stop being a feature the same way electricity is not a feature.',
      ),
    ).toBe('AI very soon is going to stop being a feature');
    // Lenny's Podcast, Rachel Lockett.
    const cofounders =
      "Conflict, healthy conflict or otherwise, is actually where your core values come out. So it's fascinating to watch people try to do something incredibly hard in the context of someone else's vision, someone else's strengths and weaknesses and navigate that together. So there's so much energy in the co-founder dynamic for me and for co-founders themselves.";
    expect(headline(cofounders)).not.toMatch(/^Someone else's strengths/);
  });

  it('keeps imperatives and subjects that look like framing', () => {
    expect(headline('Listen to your customers before you write a single line of code.')).toBe(
      'Listen to your customers before you write a single line of code',
    );
    expect(headline('The next thing is going to be agents that book your travel.')).toBe(
      'The next thing is going to be agents',
    );
  });

  it('keeps hyphenated words whole and drops hedges like "kind of"', () => {
    expect(headline(PASSAGES[4] as string)).toContain('Thirty-eight percent');
    expect(headline("You're just kind of sitting in those hips for a while.")).toBe(
      "You're sitting in those hips for a while",
    );
  });
});
