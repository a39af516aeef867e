import { afterEach, describe, expect, it } from 'vitest';
import type { Segment } from '../../model/transcript.js';
import { transcriptOf } from './test-support/fixtures.js';
import { startHarness, type Harness } from './test-support/harness.js';

const LINE = /^\[(\d+)\](?: \([\d:]+\))?(?: [^:]+:)? (.*)$/gm;

/** A fake model that quotes the first and the last line of whatever part it is sent. */
function quoteEnds(user: string): unknown {
  const lines = [...user.matchAll(LINE)].map((m) => m[2] ?? '');
  const pick = (text: string) => ({
    headline: text.split(' ').slice(0, 6).join(' '),
    text: `The speaker said: ${text}`,
    quote: text.split(' ').slice(0, 16).join(' '),
    start_seconds: null,
    speaker: null,
  });
  return { insights: [pick(lines[0] ?? ''), pick(lines[lines.length - 1] ?? '')] };
}

function segment(n: number): Segment {
  const words = Array.from({ length: 16 }, (_, k) => `w${n}k${k}`).join(' ');
  return { start: n * 10, end: n * 10 + 10, speaker: n % 2 ? 'Ben' : 'Ada', text: `Point ${n} ${words} ends here.` };
}

describe('long transcripts', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('sends one call per overlapping chunk within the token limit and merges without duplicates', async () => {
    h = await startHarness('openai', [{ outputFor: quoteEnds }], { settings: { maxChunkTokens: 500 } });
    const transcript = transcriptOf(Array.from({ length: 40 }, (_, n) => segment(n)));
    const report = await h.extractor.extractWithReport(transcript, { top: 100 });

    const parts = h.server.requests.map(
      (r) => /<transcript-\w+>\n([\s\S]*)\n<\/transcript-\w+>/.exec(r.body.messages[1].content)?.[1] ?? '',
    );
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(500 * 4);
    const firsts = parts.map((p) => Number(/^\[(\d+)\]/.exec(p)?.[1]));
    const lasts = parts.map((p) => Number(/\[(\d+)\][^\n]*$/.exec(p)?.[1]));
    expect(firsts[0]).toBe(0);
    expect(lasts[lasts.length - 1]).toBe(39);
    // Each part starts with the previous part's last line: the overlap.
    firsts.slice(1).forEach((first, k) => expect(first).toBe(lasts[k]));

    expect(report.engine).toBe('llm');
    expect(report.dropped?.duplicate).toBe(parts.length - 1);
    const starts = report.insights.map((i) => i.start).sort((a, b) => a - b);
    expect(starts).toEqual([...new Set([...firsts, ...lasts])].sort((a, b) => a - b).map((n) => n * 10));
    for (const i of report.insights) expect(i.end - i.start).toBe(10);
  });

  it('splits one giant untimed segment into lines that fit, and still grounds quotes in it', async () => {
    h = await startHarness('anthropic', [{ outputFor: quoteEnds }], { settings: { maxChunkTokens: 500 } });
    const text = Array.from({ length: 40 }, (_, n) => segment(n).text).join(' ');
    const transcript = transcriptOf([{ start: 0, end: 0, text, untimed: true }]);
    const report = await h.extractor.extractWithReport(transcript, { top: 100 });
    expect(h.server.requests.length).toBeGreaterThanOrEqual(3);
    for (const r of h.server.requests) {
      expect(r.body.messages[0].content).toMatch(/\n\[0\] \S/);
      expect(r.body.messages[0].content).not.toContain('(00:');
    }
    expect(h.server.requests[0]!.body.messages[0].content).toContain('\n[0] Point 0 w0k0');
    expect(report.engine).toBe('llm');
    expect(report.insights.length).toBeGreaterThanOrEqual(3);
    expect(report.dropped?.ungrounded).toBe(0);
  });
});
