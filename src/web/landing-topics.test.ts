import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../test/corpus.js';
import { parseFeed } from '../feeds/index.js';
import { suggestedTopics } from './landing-topics.js';

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

  it('takes no abbreviation of fewer than three letters as a topic ("p.m.")', () => {
    const topics = suggestedTopics([
      { feedId: 1, headline: 'Naps after 3 p.m. hurt sleep', text: 'A nap after 3 p.m. delays melatonin.' },
      { feedId: 2, headline: 'Workouts at 9 p.m. are fine', text: 'Late workouts at 9 p.m. barely change melatonin.' },
      { feedId: 3, headline: 'Caffeine', text: 'Coffee after lunch is the problem.' },
    ]);
    expect(topics).toContain('melatonin');
    expect(topics.map((t) => t.toLowerCase())).not.toContain('p.m.');
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

describe('suggested topics a visitor can read', () => {
  const said = (feedId: number, episodeId: number, text: string) => ({ feedId, episodeId, headline: '', text });

  it('never splits a hyphenated word or a link into a two-word topic', () => {
    const topics = suggestedTopics([
      said(1, 1, 'The open-weight model beat the hosted one on support tickets.'),
      said(1, 2, 'An open-weight model costs a tenth to run.'),
      said(2, 3, 'Every open-weight model we tried needed quantization.'),
      said(3, 4, 'Find us at apps.com/services newsletter and more.'),
      said(4, 5, 'Sign up at apps.com/services newsletter today.'),
      said(5, 6, 'Sourdough starters need flour.'),
    ]);
    expect(topics.map((t) => t.toLowerCase())).not.toContain('weight model');
    expect(topics.map((t) => t.toLowerCase())).not.toContain('services newsletter');
  });

  it('suggests a name said in full rather than its part, and no everyday noun alone', () => {
    const topics = suggestedTopics([
      said(1, 1, 'Donald Trump announced tariffs, and the president spoke of studies.'),
      said(1, 2, 'Trump doubled the tariffs; the president cited studies.'),
      said(2, 3, 'Donald Trump and the president again; new studies.'),
      said(2, 4, 'Trump said so, the president said so, studies said so.'),
      said(3, 5, 'Sourdough needs a long proof.'),
      said(4, 6, 'Sourdough starters and their flour.'),
    ]);
    expect(topics).toContain('Donald Trump');
    expect(topics).not.toContain('Trump');
    for (const everyday of ['president', 'studies']) expect(topics).not.toContain(everyday);
    expect(topics.map((t) => t.toLowerCase())).toContain('sourdough');
  });

  it('on the show notes of real feeds, suggests no part of a word or link, no word beside its phrase, and topics that several shows share first', () => {
    if (!requireCorpus()) return;
    const dir = corpusPath('feeds', 'real');
    const english = readdirSync(dir).filter((f) =>
      /(fivethirtyeight|linux-unplugged|reply-all|deprogram|intercepted|podcasting20|launched|giantbomb|street-fight)/.test(
        f,
      ),
    );
    const insights = english.flatMap((file, feedId) => {
      const feed = parseFeed(readFileSync(`${dir}/${file}`));
      return feed.episodes.slice(0, 30).map((e, n) => ({
        feedId,
        episodeId: feedId * 1000 + n,
        podcastTitle: feed.title,
        headline: '',
        text: (e.description ?? '').slice(0, 800),
      }));
    });
    expect(new Set(insights.map((i) => i.feedId)).size).toBeGreaterThanOrEqual(8);
    const topics = suggestedTopics(insights);
    expect(topics.length).toBeGreaterThanOrEqual(5);
    const lower = topics.map((t) => t.toLowerCase());
    // A link's words ("newpodcastapps.com/services") and a hyphen's halves are not topics.
    for (const t of lower) {
      const written = insights.some((i) =>
        new RegExp(`(^|[\\s,;:(“"'])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}./-])`, 'iu').test(i.text),
      );
      expect(written, t).toBe(true);
    }
    for (const t of lower.filter((w) => !w.includes(' ')))
      expect(
        lower.filter((p) => p.includes(' ') && p.split(' ').includes(t)),
        t,
      ).toEqual([]);
    // The first topic is one that several shows name, not one show's furniture (a host's name, its app list).
    const showsNaming = (t: string) =>
      new Set(insights.filter((i) => i.text.toLowerCase().includes(t)).map((i) => i.feedId)).size;
    expect(showsNaming(lower[0] as string)).toBeGreaterThanOrEqual(2);
  });
});
