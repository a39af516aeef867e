import type { BriefItem } from '../model/brief.js';
import type { ParsedEpisode } from '../model/feed.js';
import type { Insight } from '../model/insight.js';

/** Small builders for model values in tests. */
export function parsedEpisode(guid: string, patch: Partial<ParsedEpisode> = {}): ParsedEpisode {
  return {
    guid,
    title: `Episode ${guid}`,
    description: `Notes for ${guid}`,
    link: `https://example.com/${guid}`,
    publishedAt: '2024-05-01T10:00:00.000Z',
    durationSeconds: 1800,
    audioUrl: `https://example.com/${guid}.mp3`,
    audioType: 'audio/mpeg',
    transcripts: [{ url: `https://example.com/${guid}.vtt`, type: 'text/vtt', language: 'en' }],
    persons: [{ name: 'Ada', role: 'host' }],
    ...patch,
  };
}

export function insight(n: number, patch: Partial<Insight> = {}): Insight {
  return {
    headline: `Headline ${n}`,
    text: `Insight number ${n} explained.`,
    quote: `quote ${n}`,
    start: n * 10,
    end: n * 10 + 5.5,
    speaker: n % 2 === 0 ? 'Ada' : undefined,
    score: 1 / (n + 1),
    ...patch,
  };
}

export function briefItem(insightId: number, patch: Partial<BriefItem> = {}): BriefItem {
  return {
    insightId,
    headline: `Headline ${insightId}`,
    text: `Text ${insightId}`,
    quote: `Quote ${insightId}`,
    start: 12,
    end: 20,
    podcastTitle: 'Show',
    episodeTitle: 'Episode',
    timestampUrl: 'https://example.com/e#t=12',
    related: [],
    ...patch,
  };
}
