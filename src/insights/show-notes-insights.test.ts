import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../test/corpus.js';
import { parseFeed } from '../feeds/index.js';
import { transcriptFromShowNotes } from '../transcripts/index.js';
import { extractInsights } from './index.js';

// Episode notes as published in ../shared/corpus/feeds/real (LINUX Unplugged 384, Reply All 170, Launched 26).
describe('insights from show notes', () => {
  it('are none when no line of the notes makes a claim of its own', () => {
    const notes = "<p>It's light as a feather, fast as hell, and everything is upstream.</p>";
    const transcript = transcriptFromShowNotes(notes, { title: '384: Born To Run Fedora' });
    expect(extractInsights(transcript, { episodeTitle: '384: Born To Run Fedora' })).toEqual([]);
  });

  it('are none when what is left beside a call to listen to another show is a nine-word teaser', () => {
    const notes =
      '<p>Alex Goldman tackles his newest job: prophet of doom. Listen to Song Exploder, a huge inspiration for this episode.</p>';
    expect(() => transcriptFromShowNotes(notes, { title: '#170 A Song of Impotent Rage' })).toThrow(
      expect.objectContaining({ code: 'transcript_invalid' }),
    );
  });

  it('keep every word of the notes: a dash in writing sets off an aside, not a false start (FiveThirtyEight)', () => {
    const notes =
      '<p>President Donald Trump begins his second term as one of the least popular presidents in modern polling history. Yet, many of his policies — such as those surrounding DEI programs and immigration — are more popular than ever.</p>';
    const title = 'What Do Americans Want From Trump’s Second Term?';
    const insights = extractInsights(transcriptFromShowNotes(notes, { title }), { episodeTitle: title });
    expect(insights.map((i) => i.text).join(' ')).toContain(
      'Yet, many of his policies — such as those surrounding DEI',
    );
  });

  it('show the notes from their first sentence, not the episode title put before it (Intercepted, "White Mirror")', () => {
    const notes =
      '<p>Jeremy lays out the bloody US history in Haiti and El Salvador and blasts the bipartisan, selective amnesia and historical revisionism that “American exceptionalism” demands.</p>';
    const insights = extractInsights(transcriptFromShowNotes(notes, { title: 'White Mirror' }), {
      episodeTitle: 'White Mirror',
    });
    expect(insights).toHaveLength(1);
    expect(insights[0]?.text).toMatch(/^Jeremy lays out the bloody US history/);
    expect(insights[0]?.quote).toMatch(/^Jeremy lays out/);
    // Its claim is now the text's opening, which a headline does not read again.
    expect(insights[0]?.headline).toBe('From “White Mirror”');
  });

  it('show the notes from their first sentence when the sentence splitter breaks the episode title', () => {
    const notes =
      '<p>Jeremy lays out the bloody US history in Haiti and El Salvador and blasts the bipartisan, selective amnesia and historical revisionism that “American exceptionalism” demands.</p>';
    for (const title of ['Ep. 12: White Mirror', 'Wait! Haiti Again?']) {
      const insights = extractInsights(transcriptFromShowNotes(notes, { title }), { episodeTitle: title });
      expect(insights, title).toHaveLength(1);
      expect(insights[0]?.text, title).toMatch(/^Jeremy lays out the bloody US history/);
      expect(insights[0]?.quote, title).toMatch(/^Jeremy lays out/);
    }
  });

  it('are none when the notes only say who talks with whom', () => {
    const notes =
      'Paul Hudson joins the show to tell us his origin story that led to running one of the best Swift learning resources in Hacking with Swift.';
    const transcript = transcriptFromShowNotes(notes, { title: '26: Paul Hudson' });
    expect(extractInsights(transcript, { episodeTitle: '26: Paul Hudson' })).toEqual([]);
  });
});

describe.runIf(requireCorpus())('insights from the show notes of a real feed', () => {
  // Read when a test runs: a skipped describe still runs its body to collect the tests.
  let episodes: ReturnType<typeof parseFeed>['episodes'] | undefined;
  const insightsOf = (title: string) => {
    episodes ??= parseFeed(readFileSync(corpusPath('feeds', 'real', 'fivethirtyeight-politics-archive.rss'))).episodes;
    const episode = episodes.find((e) => e.title === title);
    if (!episode?.description) throw new Error(`no notes for ${title}`);
    return extractInsights(transcriptFromShowNotes(episode.description, { title }), { episodeTitle: title });
  };

  it('leave out the sentence that only introduces the guests, keeping what the notes report', () => {
    const insights = insightsOf('Is The Era Of ‘Macho Man’ Politics Here?');
    expect(insights.length).toBeGreaterThan(0);
    for (const i of insights) {
      expect(i.text).not.toMatch(/Galen speaks with/);
      expect(i.headline).not.toMatch(/Galen speaks with/);
    }
    expect(insights.map((i) => i.text).join(' ')).toMatch(/funding the government by March 14/);
  });

  it('are none when the notes hold nothing but the title and who speaks with whom', () => {
    expect(insightsOf('Reaction Podcast: Trump Goes Long')).toEqual([]);
  });
});

describe.runIf(requireCorpus())('insights from show notes that open on an unresolved "it"', () => {
  it('start at the sentence after it (LINUX Unplugged 384)', () => {
    const title = '384: Born To Run Fedora';
    const feed = parseFeed(readFileSync(corpusPath('feeds', 'real', 'gnomepodcasts__linux-unplugged-2020-12-19.xml')));
    const notes = feed.episodes.find((e) => e.title === title)?.description ?? '';
    expect(notes).toMatch(/light as a feather/);
    const insights = extractInsights(transcriptFromShowNotes(notes, { title }), { episodeTitle: title });
    expect(insights.length).toBeGreaterThan(0);
    for (const i of insights) {
      expect(i.text).not.toMatch(/^It's light as a feather/);
      expect(i.quote).not.toMatch(/^It's light as a feather/);
    }
    expect(insights.map((i) => i.text).join(' ')).toMatch(/^The ThinkPad X1 Carbon ships with Fedora/);
  });

  it('are none when that sentence stands alone', () => {
    const notes = '<p>It ships with Fedora on every model, and the battery lasts a full working day.</p>';
    const insights = extractInsights(transcriptFromShowNotes(notes, { title: 'Ep. 9' }), { episodeTitle: 'Ep. 9' });
    expect(insights.map((i) => i.text)).toEqual([]);
  });
});
