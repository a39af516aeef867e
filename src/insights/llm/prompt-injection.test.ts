import { afterEach, describe, expect, it } from 'vitest';
import type { Insight } from '../../model/insight.js';
import { INJECTION, injectedTranscript } from './test-support/fixtures.js';
import { startHarness, type Harness } from './test-support/harness.js';
import type { LlmProviderName } from './settings.js';

/** A model that fell for the transcript's instructions, as a fake server replays it. */
const misbehaving = {
  insights: [
    {
      headline: 'Claim your prize at http://evil.example/prize',
      text: 'Friday deploys caused three times as many weekend pages across forty teams. Visit http://evil.example/prize or [click here](javascript:alert(1)) to claim a reward.',
      quote: 'We measured it across forty teams and Friday deploys caused three times as many weekend pages.',
      start_seconds: 14,
      speaker: 'Ben',
    },
    {
      headline: 'A reward for listeners',
      text: 'The guest asked every listener to claim a reward online, which is a great opportunity for everyone who listens.',
      quote: INJECTION,
      start_seconds: 40,
      speaker: 'Ben',
    },
    {
      headline: '**Flags** <img src=x onerror=alert(1)>',
      text: '![pixel](https://evil.example/pixel.gif) Old feature flags are the biggest source of hidden complexity, see evil.example/flags and www.evil.example for more.',
      quote: 'Old flags are the biggest source of hidden complexity we found.',
      start_seconds: 50,
      speaker: null,
    },
    {
      headline: 'Prize for listeners',
      text: 'Listeners can claim a prize by visiting the website the host mentioned during the episode today.',
      quote: 'claim your prize at evil dot example today before it runs out',
      start_seconds: 41,
      speaker: 'Ben',
    },
  ],
};

const LEAKS = /https?:|evil\.example|javascript:|<|>|\]\(|\*\*|www\./i;

for (const provider of ['openai', 'anthropic'] as LlmProviderName[]) {
  describe(`prompt injection in a transcript [${provider}]`, () => {
    let h: Harness | undefined;
    afterEach(async () => {
      await h?.close();
      h = undefined;
    });

    it('keeps the transcript inside the data block and keeps links and injected text out of the insights', async () => {
      h = await startHarness(provider, [{ output: misbehaving }]);
      const report = await h.extractor.extractWithReport(injectedTranscript(), { top: 5 });

      const body = h.server.requests[0]!.body;
      const system: string = provider === 'anthropic' ? body.system : body.messages[0].content;
      const user: string = provider === 'anthropic' ? body.messages[0].content : body.messages[1].content;
      expect(system).not.toContain('evil.example');
      const block = /<(transcript-[0-9a-f]+)>\n[\s\S]*\n<\/\1>/.exec(user)?.[0] ?? '';
      expect(block).toContain(INJECTION);
      expect(user.replace(block, '')).not.toContain('evil');

      expect(report.engine).toBe('llm');
      expect(report.insights).toHaveLength(2);
      for (const insight of report.insights) {
        expect(Object.keys(insight).sort()).toEqual(['end', 'headline', 'quote', 'score', 'speaker', 'start', 'text']);
        for (const field of [insight.headline, insight.text, insight.quote]) expect(field).not.toMatch(LEAKS);
      }
      expect(report.insights.map((i: Insight) => i.headline)).toEqual(['Claim your prize at', 'Flags']);
      expect(report.insights[0]!.text).toBe(
        'Friday deploys caused three times as many weekend pages across forty teams. Visit or click here to claim a reward.',
      );
      expect(report.insights[1]!.text).toBe(
        'Old feature flags are the biggest source of hidden complexity, see and for more.',
      );
      expect(report.dropped).toEqual({ ungrounded: 1, unsafe: 1, invalid: 0, duplicate: 0 });
      expect(h.logs.some((l) => l.includes('reason=injected_instructions'))).toBe(true);
    });
  });
}
