import { describe, expect, it } from 'vitest';
import { transcriptFromShowNotes } from '../transcripts/index.js';
import { extractInsights } from './index.js';

// Episode notes as published in ../shared/corpus/feeds/real (LINUX Unplugged 384, Launched 26).
describe('insights from show notes', () => {
  it('are none when no line of the notes makes a claim of its own', () => {
    const notes = "<p>It's light as a feather, fast as hell, and everything is upstream.</p>";
    const transcript = transcriptFromShowNotes(notes, { title: '384: Born To Run Fedora' });
    expect(extractInsights(transcript, { episodeTitle: '384: Born To Run Fedora' })).toEqual([]);
  });

  it('keep a line that says something, headlined by its claim', () => {
    const notes =
      'Paul Hudson joins the show to tell us his origin story that led to running one of the best Swift learning resources in Hacking with Swift.';
    const transcript = transcriptFromShowNotes(notes, { title: '26: Paul Hudson' });
    const insights = extractInsights(transcript, { episodeTitle: '26: Paul Hudson' });
    expect(insights).toHaveLength(1);
    expect(insights[0]?.headline).toMatch(/^Paul Hudson joins the show/);
  });
});
