import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../test/corpus.js';
import type { Transcript } from '../model/transcript.js';
import { readTranscriptFile } from './index.js';
import { matchWords } from './normalize.js';

const hasCorpus = requireCorpus();

function corpusFiles(): string[] {
  if (!hasCorpus) return [];
  const published = readdirSync(corpusPath('transcripts')).map((f) => corpusPath('transcripts', f));
  const evalSet = readdirSync(corpusPath('eval-public'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => corpusPath('eval-public', d.name, 'transcript.md'));
  return [...published, ...evalSet];
}

const load = (...parts: string[]): Promise<Transcript> => readTranscriptFile(corpusPath(...parts));
const speakers = (t: Transcript): Set<string | undefined> => new Set(t.segments.map((s) => s.speaker));

describe.runIf(hasCorpus)('every corpus transcript', () => {
  const files = corpusFiles();

  it('covers the 20 published files and 26 eval-public episodes', () => {
    expect(files).toHaveLength(46);
  });

  it.each(files.map((f) => [f.slice(f.indexOf('corpus') + 7), f]))(
    '%s parses into ordered, timed, clean segments',
    async (_name, file) => {
      const t = await readTranscriptFile(file);
      expect(t.segments.length).toBeGreaterThan(1);
      expect(t.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(t.source).toMatch(/^published:(srt|vtt|json|html|text|markdown)$/);
      let prev = -1;
      for (const s of t.segments) {
        expect(Number.isFinite(s.start) && Number.isFinite(s.end)).toBe(true);
        expect(s.start).toBeGreaterThanOrEqual(prev);
        expect(s.end).toBeGreaterThanOrEqual(s.start);
        expect(s.text).toBe(s.text.replace(/\s+/g, ' ').trim());
        expect(s.text).not.toBe('');
        expect(s.text).not.toMatch(/<\/?[a-z][^>]*>|-->|&(?:amp|lt|gt|quot|#\d+);/i);
        expect(s.untimed).toBeUndefined();
        prev = s.start;
      }
    },
  );
});

describe.runIf(hasCorpus)('facts from specific corpus files', () => {
  it('pc20 JSON keeps the speakers James C and Jingles', async () => {
    const t = await load('transcripts', 'podnews-weekly-review-2023-05-05.pc20.json');
    expect(t.source).toBe('published:json');
    expect(t.segments[0]).toMatchObject({
      speaker: 'James C',
      start: 0.035,
      text: "it's Friday, the 5th of May 20, 23.",
    });
    expect(t.segments[1]).toMatchObject({ speaker: 'Jingles', start: 4.26 });
    expect(speakers(t)).toEqual(new Set(['James C', 'Jingles', 'Sam Sethi', 'Chris Quamme Rhoden', 'Nick Hilton']));
  });

  it('podnews VTT without hours has increasing times past the first minute', async () => {
    const t = await load('transcripts', 'podnews-weekly-review-2024-01-19.vtt');
    expect(t.segments[0]).toMatchObject({
      start: 0,
      end: 3.48,
      speaker: 'SPEAKER_1',
      text: "It's Friday, the 19th of January, 2024.",
    });
    const last = t.segments[t.segments.length - 1];
    expect(last).toMatchObject({ start: 14 * 60 + 10.72, end: 14 * 60 + 15.04 });
    expect(t.segments.slice(1).every((s) => s.start > 0)).toBe(true);
    expect(t.segments).toHaveLength(189);
  });

  it('kde-express keeps its Spanish text intact', async () => {
    const t = await load('transcripts', 'kde-express-16-es.vtt');
    expect(t.segments[1]?.text).toBe(
      'versión movilidad que no tenemos a los compañeros disponibles y hoy quería haceros un especial',
    );
    expect(t.segments[0]?.text.startsWith('Buenas, bienvenidas')).toBe(true);
  });

  it("Lenny's markdown gives named speakers and (MM:SS) / (HH:MM:SS) times, skipping front matter and headings", async () => {
    const seth = await load('transcripts', 'lennys-podcast-seth-godin.md');
    expect(seth.source).toBe('published:markdown');
    expect(speakers(seth)).toEqual(new Set(['Lenny Rachitsky', 'Seth Godin']));
    expect(seth.segments[0]).toMatchObject({ start: 0, speaker: 'Lenny Rachitsky' });
    expect(seth.segments[0]?.text.startsWith('Before you came on, I asked on Twitter')).toBe(true);
    const cont = seth.segments.find((s) => s.start === 2 * 60 + 10);
    expect(cont).toMatchObject({ speaker: 'Lenny Rachitsky' });
    expect(cont?.text.startsWith('We also delve into his new book')).toBe(true);
    const text = seth.segments.map((s) => s.text).join(' ');
    expect(text).not.toContain('Inside Gong');
    expect(text).not.toContain('youtube_url');
    const nika = await load('transcripts', 'lennys-podcast-marily-nika.md');
    expect(speakers(nika)).toEqual(new Set(['Lenny', 'Marily Nika', 'Speaker 3']));
    const rachel = await load('eval-public', 'lennys-podcast-rachel-lockett', 'transcript.md');
    expect(rachel.segments.at(-1)).toMatchObject({ start: 3600 + 45 * 60 + 9, speaker: 'Lenny Rachitsky' });
  });

  it('Podlets initials stay speaker labels and section markers are dropped', async () => {
    const t = await load('eval-public', 'podlets-001-cloud-native', 'transcript.md');
    expect(t.segments[0]).toMatchObject({ start: 8, speaker: 'ANNOUNCER' });
    expect(t.segments[1]).toMatchObject({ start: 32, speaker: 'KN', text: 'Welcome to the podcast.' });
    expect(t.segments[2]).toMatchObject({
      start: 33,
      speaker: 'NL',
      text: 'Hi. I’m Nicholas Lane. I’m a cloud native Architect.',
    });
    expect([...speakers(t)].sort()).toEqual(['ANNOUNCER', 'CC', 'DC', 'JR', 'KN', 'NL']);
    const all = t.segments.map((s) => s.text).join('\n');
    expect(all).not.toMatch(/EPISODE 01|\[INTRODUCTION\]|\[END OF EPISODE\]|\[END\]/);
  });

  it('Podlets h:mm:ss.s stamps, unstamped continuation paragraphs and a lost colon', async () => {
    const t = await load('eval-public', 'podlets-022-orchestrators-and-runtimes', 'transcript.md');
    expect(t.segments[1]).toMatchObject({ start: 40.4, end: 59.1, speaker: 'DC' });
    expect(t.segments[1]?.text.endsWith('Today, I have with me Josh Rosso.')).toBe(true);
    const infra = await load('eval-public', 'podlets-005-cloud-native-infrastructure', 'transcript.md');
    const lost = infra.segments.find((s) => s.start === 4 * 60 + 53.6);
    expect(lost).toMatchObject({ speaker: 'NL' });
    expect(lost?.text.startsWith('Yeah, in the field engineering org')).toBe(true);
  });

  it('Misfit **[mm:ss]** stamps become one unlabelled segment per line', async () => {
    const t = await load('eval-public', 'misfit-podcast-e1-misfit-mind-do-it-for', 'transcript.md');
    expect(t.segments[0]).toMatchObject({
      start: 0,
      end: 13,
      text: "We're on Misfits. All right, you fat, big bunch of Misfits. You're a scrappy little Misfit, just like me.",
    });
    expect(t.segments.every((s) => s.speaker === undefined && !s.text.includes('**'))).toBe(true);
    const long = await load('eval-public', 'misfit-podcast-e376-breaking-news-full-life-chat', 'transcript.md');
    expect(long.segments.at(-1)?.start).toBe(3600 + 5 * 60 + 58);
  });

  it('SRT speaker labels hold until the next label; "Unknown:" names nobody', async () => {
    const t = await load('transcripts', 'podcasting20-ep124-excerpt.srt');
    expect(t.segments[0]).toMatchObject({
      start: 0.78,
      end: 6.21,
      speaker: 'Adam Curry',
      text: 'podcasting 2.0 March 4 2023 Episode 124 on D flat',
    });
    expect(t.segments[1]).toMatchObject({
      speaker: 'Adam Curry',
      text: 'formable hello everybody welcome to a delayed board meeting of',
    });
    expect(speakers(t)).toEqual(new Set(['Adam Curry', 'Dave Jones', undefined]));
    expect(t.segments.find((s) => s.text === 'Adam Clark curry. Yes.')?.speaker).toBeUndefined();
  });

  it('word-level pc20 JSON merges words into sentences and keeps word timings', async () => {
    const t = await load('transcripts', 'how-to-start-a-podcast-wordlevel.pc20.json');
    expect(t.segments[0]).toMatchObject({
      start: 0.3,
      end: 1.65,
      speaker: 'Travis',
      text: 'Hey, Travis Albritain here.',
    });
    expect(t.segments[0]?.words?.map((w) => w.text)).toEqual(['Hey,', 'Travis', 'Albritain', 'here.']);
    expect(t.segments.length).toBeLessThan(200);
    expect(t.segments.every((s) => s.words && s.words.length === s.text.split(' ').length)).toBe(true);
    expect(speakers(t)).toEqual(new Set(['Travis', 'Eric']));
  });

  it('the pc20 spec VTT decodes entities and voice tags', async () => {
    const t = await load('transcripts', 'pc20-spec-example.vtt');
    expect(t.segments[2]).toMatchObject({
      speaker: 'Sarah',
      text: 'include in one? Welcome to Podcasting Q&A, where you learn',
    });
    expect(t.segments[5]).toMatchObject({ speaker: 'Gillian', start: 19.08 });
  });

  it('Buzzsprout HTML maps <cite>/<time>/<p> turns and decodes &#39;', async () => {
    const t = await load('transcripts', 'pc20-spec-example.html');
    expect(t.segments.map((s) => [s.start, s.speaker])).toEqual([
      [0, 'Travis'],
      [53, 'Sarah'],
      [102, 'Travis'],
      [219, 'Gilon'],
      [263, 'Travis'],
      [322, 'Gilon'],
      [376, 'Travis'],
      [562, 'Sarah'],
      [617, 'Gilon'],
      [691, 'Travis'],
    ]);
    expect(t.segments[0]?.text).toContain("it's almost guaranteed that you're going to make");
    const fragment = await load('transcripts', 'podnews-weekly-review-2023-03-17.html');
    expect(fragment.segments[0]).toMatchObject({ start: 0 });
    expect(fragment.segments[0]?.speaker).toBeUndefined();
    expect(fragment.segments[1]).toMatchObject({ start: 67, speaker: 'Norma-Jean Belenky' });
  });

  it('YouTube auto-captions lose their >> marks and keep every word once', async () => {
    const t = await load('transcripts', 'talkpython-304-youtube-autocaption.vtt');
    const text = t.segments.map((s) => s.text).join(' ');
    expect(text).not.toContain('>>');
    expect(t.segments[4]).toMatchObject({ start: 20.24, text: "Howdy. It's good to be here." });
    const words = matchWords(text);
    const raw = (await import('node:fs')).readFileSync(
      corpusPath('transcripts', 'talkpython-304-youtube-autocaption.vtt'),
      'utf8',
    );
    const rawWords = matchWords(
      raw
        .split('\n')
        .filter((l) => !l.includes('-->') && l !== 'WEBVTT')
        .join(' '),
    );
    expect(words).toEqual(rawWords);
  });
});
