import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InsightWithContext } from '../store/types.js';
import { bestInsights, suggestedTopics } from './landing-data.js';

describe('the landing sample', () => {
  const insight = (id: number, feedId: number, score: number, headline: string) =>
    ({ id, feedId, episodeId: id, score, headline, text: `${headline}, said plainly.` }) as InsightWithContext;

  it('reads like a brief: one item per show, claims before neutral headlines, best first', () => {
    const sample = bestInsights([
      insight(1, 1, 0.9, 'Know your cost per customer'),
      insight(2, 1, 0.8, 'Fine-tune the small model'),
      insight(3, 1, 0.7, 'Route the tail to the API'),
      insight(4, 2, 0.95, 'From “Mailbag: naps and trackers”'),
      insight(5, 2, 0.5, 'Trackers misread light sleep'),
      insight(6, 3, 0.6, 'Open models trail by six months'),
    ]);
    expect(sample.map((i) => i.id)).toEqual([1, 6, 5]);
  });
});

describe('suggested topics', () => {
  it('suggests words several recent insights share, not everyday ones nor units', () => {
    const topics = suggestedTopics([
      {
        feedId: 1,
        headline: 'Kubernetes clusters need quotas',
        text: 'Without quotas one team starves the Kubernetes cluster.',
      },
      { feedId: 1, headline: 'Kubernetes upgrades', text: 'Plan Kubernetes upgrades around quotas and people.' },
      { feedId: 2, headline: 'Sleep', text: 'People think about time.' },
      { feedId: 3, headline: 'Quotas cut costs forty percent', text: 'Within two weeks and for months after.' },
      { feedId: 4, headline: 'Costs fell ten percent', text: 'In three weeks, and for months.' },
    ]);
    expect(topics).toContain('Kubernetes');
    expect(topics).toContain('quotas');
    expect(topics).not.toContain('people');
    expect(topics).not.toContain('time');
    for (const unit of ['percent', 'weeks', 'months']) expect(topics).not.toContain(unit);
  });

  it('leaves out generic words and words every show uses; prefers a two-word name to its parts', () => {
    const topics = suggestedTopics([
      {
        feedId: 1,
        headline: 'The model passed the test',
        text: 'Donald Trump announced tariffs; the software model is new.',
      },
      {
        feedId: 1,
        headline: 'A new test of the model',
        text: 'Donald Trump doubled the tariffs, and software shipped.',
      },
      { feedId: 2, headline: 'Our model and our test', text: 'The software for the gym tracks barbell lifts.' },
      { feedId: 2, headline: 'Barbell squats', text: 'A barbell squat needs software, a model and a test.' },
      { feedId: 3, headline: 'Sourdough', text: 'Sourdough needs software, a model and a test, and a long proof.' },
      { feedId: 4, headline: 'Sourdough again', text: 'Sourdough starters and their software.' },
    ]);
    for (const generic of ['model', 'test', 'software']) expect(topics).not.toContain(generic);
    expect(topics).toContain('Donald Trump');
    expect(topics).not.toContain('Trump');
    const lower = topics.map((t) => t.toLowerCase());
    expect(lower).toContain('barbell');
    expect(lower).toContain('sourdough');
  });

  it('on the real insights of a bench day, suggests no generic word', () => {
    const insights = JSON.parse(
      readFileSync(new URL('../../bench/labelled/day-insights.json', import.meta.url), 'utf8'),
    ) as Array<{ feedId: number; podcastTitle: string; headline: string; text: string }>;
    const topics = suggestedTopics(insights);
    expect(topics.length).toBeGreaterThanOrEqual(5);
    const generic = /^(model|test|people|thing|episode|podcast|show|guest|week|today|app|team|time|year|i['’]m)s?$/i;
    expect(topics.filter((t) => generic.test(t))).toEqual([]);
    // Nor a show's own name, which its notes repeat.
    for (const title of new Set(insights.map((i) => i.podcastTitle))) expect(topics).not.toContain(title);
  });

  it("takes no topic from an episode's title standing in as a headline, nor from one episode alone", () => {
    // The demo's Second Wind and Frontier Signals episodes: several insights of one episode, titled neutrally.
    const mailbag = 'From “Mailbag: Morning vs. Evening Workouts, Naps, and Whether Your Sleep Tracker Is…”';
    const policy = 'From “Open Weights, Open Questions: US Policy Toward Open-Source AI”';
    const topics = suggestedTopics([
      { feedId: 1, episodeId: 1, headline: mailbag, text: 'Wrist trackers estimate total sleep time well.' },
      { feedId: 1, episodeId: 1, headline: mailbag, text: 'Naps under twenty minutes leave no sleep inertia.' },
      { feedId: 2, episodeId: 2, headline: policy, text: 'A third of companies cited legal uncertainty.' },
      { feedId: 2, episodeId: 2, headline: policy, text: 'Export controls on weights would be hard to enforce.' },
      { feedId: 2, episodeId: 2, headline: 'Regulators read model cards', text: 'Export controls name model cards.' },
      { feedId: 3, episodeId: 3, headline: 'Caffeine cut total sleep', text: 'Caffeine late in the day cut sleep.' },
      { feedId: 4, episodeId: 4, headline: 'Sourdough starters', text: 'A starter needs flour.' },
    ]);
    const lower = topics.map((t) => t.toLowerCase());
    for (const junk of ['open questions', 'sleep tracker', 'mailbag', 'export controls'])
      expect(lower).not.toContain(junk);
    expect(lower.some((t) => t.includes('sleep'))).toBe(true);
  });
});
