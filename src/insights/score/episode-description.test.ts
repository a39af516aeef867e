import { describe, expect, it } from 'vitest';
import { analyse } from '../../text/index.js';
import { describesEpisode } from './episode-description.js';

const describes = (sentence: string): boolean => describesEpisode(analyse(sentence).tokens);

// Sentences of episode notes in ../shared/corpus/feeds/real (FiveThirtyEight, Sentimental Garbage,
// Launched, Intercepted, Deprogram), copied so the rule is checked without the corpus too.
describe('describesEpisode', () => {
  it('flags sentences that only say who talks with whom or what the episode covers', () => {
    for (const sentence of [
      'Galen speaks with Rachael Bade and Geoffrey Skelley about what to expect from congressional negotiations.',
      'In this installment of the 538 Politics podcast, Galen speaks with Rachael Bade and Geoffrey Skelley about what to expect.',
      'Economics reporter Ben Casselman joins Galen Druke and Amelia Thomson-DeVeaux to discuss the stunning unemployment claims numbers.',
      'In a live taping from Houston, Texas, the crew discusses how and why the GOP has changed from the party of Bush to the party of Trump.',
      "Caroline and Jen talk about their early memories of Barb, Greta Gerwig's new movie, the hunk-to-hero trajectory.",
      'This week, Jeremy talks about the Coalition of the Killing.',
      'In this episode we look at the history and class dynamics of one of the most complex revolutionary movements.',
      'Paul Hudson joins the show to tell us his origin story that led to running one of the best Swift learning resources.',
      "Let's talk about the No Steppy on Snek people and the state of the modern right wing.",
      'Charlie talks to Christian Selig, the creator of the indie Reddit app Apollo.',
      'Leading Marxist scholar David Harvey talks about debt peonage in the age of Trump and the crimes of capitalism.',
      'Bestselling author of Lies Lies Lies Adele Parks joins us to talk about her relationship with the series.',
    ]) {
      expect(describes(sentence), sentence).toBe(true);
    }
  });

  it('keeps sentences that state something, even with a conversation word in them', () => {
    for (const sentence of [
      'Amidst intraparty Republican debate over tax and spending cuts, Trump will deliver an address to Congress on Tuesday night.',
      'Legislators will also be tasked with funding the government by March 14 or face a shutdown.',
      'The debate over tariffs is heating up as prices rise.',
      'Most people talk too much in meetings and listen too little.',
      'Talking to customers early saves months of building the wrong thing.',
      "'History Daily' is a new podcast from host Lindsay Graham which does history, daily.",
      'Listen to Song Exploder, a huge inspiration for this episode.',
      'Ask your customers what they want before you talk to investors.',
    ]) {
      expect(describes(sentence), sentence).toBe(false);
    }
  });
});
