import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Insight } from '../../src/model/insight.js';
import { hms } from '../../src/insights/llm/transcript-lines.js';
import { goodOutput, showTranscript } from '../../src/insights/llm/test-support/fixtures.js';
import { startFakeOpenAi } from '../../src/insights/llm/test-support/fake-openai.js';
import { invokeCli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'podbrief-cli-llm-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const vtt = [
  'WEBVTT',
  '',
  ...showTranscript().segments.map((s) => `${hms(s.start)}.000 --> ${hms(s.end)}.000\n<v ${s.speaker}>${s.text}\n`),
].join('\n');
const file = join(tmp, 'show.vtt');
writeFileSync(file, vtt);

describe('podbrief insights --engine llm', () => {
  it('says clearly which LLM setting is missing', async () => {
    const res = await invokeCli(['insights', file, '--engine', 'llm'], {
      DATA_DIR: join(tmp, 'none'),
      LLM_MODEL: '',
      LLM_API_KEY: '',
    });
    expect(res.code).toBe(1);
    expect(res.stderr.trim()).toBe(
      'podbrief: The LLM engine is not configured: the LLM engine needs LLM_MODEL (e.g. gpt-4o-mini, claude-sonnet-4-5, llama3.1); the default LLM_BASE_URL (api.openai.com) needs LLM_API_KEY (or LLM_API_KEY_FILE)',
    );
  });

  it('prints the LLM’s grounded insights, and pays once for the same file', async () => {
    const server = await startFakeOpenAi([{ output: goodOutput }]);
    try {
      const env = {
        DATA_DIR: join(tmp, 'data'),
        LLM_BASE_URL: `${server.url}/v1`,
        LLM_MODEL: 'test-model',
        LLM_API_KEY: 'sk-test',
      };
      const first = await invokeCli(['insights', file, '--engine', 'llm', '--json'], env);
      expect(first.stderr).toBe('');
      const insights = JSON.parse(first.stdout) as Insight[];
      expect(insights.map((i) => [i.headline, i.start, i.speaker])).toEqual([
        ['Friday deploys triple weekend pages', 14, 'Ben'],
        ['Stale feature flags hide complexity', 50, 'Ben'],
        ['A rollback button anyone can press', 80, 'Ben'],
      ]);
      const second = await invokeCli(['insights', file, '--engine', 'llm', '--top', '1'], env);
      expect(second.code).toBe(0);
      expect(second.stdout).toMatch(/^1\. Friday deploys triple weekend pages\n/);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
