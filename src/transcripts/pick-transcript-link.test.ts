import { describe, expect, it } from 'vitest';
import type { TranscriptLink } from '../model/feed.js';
import { pickTranscriptLink } from './index.js';

const link = (type: string, url: string, extra: Partial<TranscriptLink> = {}): TranscriptLink => ({
  type,
  url,
  ...extra,
});

describe('pickTranscriptLink', () => {
  it('prefers JSON > VTT > SRT > HTML > text', () => {
    const links = [
      link('text/plain', 'https://x/t.txt'),
      link('text/html', 'https://x/t.html'),
      link('application/x-subrip', 'https://x/t.srt'),
      link('text/vtt', 'https://x/t.vtt', { rel: 'captions' }),
      link('application/json', 'https://x/t.json'),
    ];
    expect(pickTranscriptLink(links)?.url).toBe('https://x/t.json');
    expect(pickTranscriptLink(links.slice(0, 4))?.url).toBe('https://x/t.vtt');
    expect(pickTranscriptLink(links.slice(0, 3))?.url).toBe('https://x/t.srt');
    expect(pickTranscriptLink(links.slice(0, 2))?.url).toBe('https://x/t.html');
    expect(pickTranscriptLink(links.slice(0, 1))?.url).toBe('https://x/t.txt');
    expect(pickTranscriptLink([])).toBeUndefined();
  });

  it("prefers the episode's language over a richer format in another language", () => {
    const links = [
      link('application/json', 'https://x/en.json', { language: 'en' }),
      link('application/srt', 'https://x/es.srt', { language: 'es-ES' }),
      link('text/html', 'https://x/any.html'),
    ];
    expect(pickTranscriptLink(links, 'es')?.url).toBe('https://x/es.srt');
    expect(pickTranscriptLink(links, 'de')?.url).toBe('https://x/any.html');
    expect(pickTranscriptLink(links)?.url).toBe('https://x/en.json');
  });

  it('uses the URL extension when the declared type is vague or unknown, and keeps feed order on ties', () => {
    const links = [
      link('text/plain', 'https://x/a.srt?dl=1'),
      link('application/octet-stream', 'https://x/b.vtt'),
      link('text/vtt', 'https://x/c.vtt'),
    ];
    expect(pickTranscriptLink(links)?.url).toBe('https://x/b.vtt');
  });
});
