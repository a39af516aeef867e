import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Insight } from '../../src/model/insight.js';
import type { ParsedFeed } from '../../src/model/feed.js';
import type { Transcript } from '../../src/model/transcript.js';
import { normalizeForMatch, readTranscriptFile, transcriptText } from '../../src/transcripts/index.js';
import { corpusPath, hasCorpus, requireCorpus } from '../corpus.js';
import { invokeCli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'podbrief-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!hasCorpus && process.env.CI !== 'true')('CLI on local files (no database, no network)', () => {
  it('feeds parse --json prints the normalized feed', async () => {
    requireCorpus();
    const res = await invokeCli([
      'feeds',
      'parse',
      corpusPath('feeds', 'real', 'partytime__podcasting20-pc20rss.xml'),
      '--json',
    ]);
    expect(res.code).toBe(0);
    const feed = JSON.parse(res.stdout) as ParsedFeed;
    expect(feed.title).toBe('Podcasting 2.0');
    expect(feed.episodes.length).toBe(56);
    expect(feed.episodes[0]?.transcripts[0]?.type).toBe('application/srt');
  });

  it('transcript --json prints ordered timed segments', async () => {
    const res = await invokeCli([
      'transcript',
      corpusPath('transcripts', 'podnews-weekly-review-2024-01-19.vtt'),
      '--json',
    ]);
    expect(res.code).toBe(0);
    const t = JSON.parse(res.stdout) as Transcript;
    expect(t.source).toBe('published:vtt');
    expect(t.segments.length).toBeGreaterThan(10);
    t.segments.forEach((s, i) => i > 0 && expect(s.start).toBeGreaterThanOrEqual(t.segments[i - 1]!.start));
  });

  it('insights --top N --json prints N grounded insight objects', async () => {
    const file = corpusPath('transcripts', 'talkpython-507-langgraph.vtt');
    const res = await invokeCli(['insights', file, '--top', '3', '--json']);
    expect(res.code).toBe(0);
    const insights = JSON.parse(res.stdout) as Insight[];
    expect(insights).toHaveLength(3);
    const text = normalizeForMatch(transcriptText(await readTranscriptFile(file)));
    for (const i of insights) {
      expect(Object.keys(i)).toEqual(expect.arrayContaining(['text', 'headline', 'quote', 'start', 'end', 'score']));
      expect(text).toContain(normalizeForMatch(i.quote));
      expect(i.end).toBeGreaterThanOrEqual(i.start);
    }
  });

  it('related --json puts every id in exactly one group', async () => {
    const lines = [
      { id: 'a', text: 'Kubernetes schedules containers across a cluster of nodes' },
      { id: 'b', text: 'The Kubernetes scheduler places containers on cluster nodes' },
      { id: 7, text: 'Deep sleep and sleep debt affect how rested you feel' },
      { id: 'd', text: 'Sleep debt builds up when you lose deep sleep every night' },
    ];
    const file = join(tmp, 'insights.jsonl');
    writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const res = await invokeCli(['related', file, '--json']);
    expect(res.code).toBe(0);
    const { groups } = JSON.parse(res.stdout) as { groups: (string | number)[][] };
    expect(groups.flat().sort()).toEqual([7, 'a', 'b', 'd'].sort());
    const groupOf = (id: string | number) => groups.findIndex((g) => g.includes(id));
    expect(groupOf('a')).toBe(groupOf('b'));
    expect(groupOf(7)).toBe(groupOf('d'));
    expect(groupOf('a')).not.toBe(groupOf(7));
  });

  it('bad input gets a clear one-line error and exit code 1', async () => {
    const bad = join(tmp, 'bad.jsonl');
    writeFileSync(bad, '{"id":"a","text":"fine"}\nnot json\n');
    for (const args of [
      ['related', bad, '--json'],
      ['transcript', join(tmp, 'missing.vtt')],
      ['feeds', 'parse', join(tmp, 'missing.xml')],
      ['insights', corpusPath('transcripts', 'kde-express-16-es.vtt'), '--top', 'zero'],
    ]) {
      const res = await invokeCli(args);
      expect(res.code, args.join(' ')).toBe(1);
      expect(res.stderr.trim().split('\n'), res.stderr).toHaveLength(1);
      expect(res.stderr).toMatch(/^podbrief: /);
    }
    expect((await invokeCli(['related', bad])).stderr).toContain('bad.jsonl:2: not valid JSON');
  });
});
