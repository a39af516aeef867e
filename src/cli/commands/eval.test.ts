import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusPath, requireCorpus } from '../../../test/corpus.js';
import { invokeCli, type CliResult } from '../../../test/cli/run-cli.js';
import type { EvalReport } from '../../insights/index.js';
import { startFakeOpenAi } from '../../insights/llm/test-support/fake-openai.js';

const LINE = /^\[(\d+)\](?: \([\d:]+\))?(?: [^:\n]+:)? (.*)$/gm;

/** A fake model that takes the five longest lines of what it is sent as its insights. */
function longestLines(user: string): unknown {
  const lines = [...user.matchAll(LINE)].map((m) => m[2] ?? '').sort((a, b) => b.length - a.length);
  return {
    insights: lines.slice(0, 5).map((text) => ({
      headline: text.split(' ').slice(0, 6).join(' '),
      text,
      quote: text.split(' ').slice(0, 20).join(' '),
      start_seconds: null,
      speaker: null,
    })),
  };
}

const EPISODES = ['misfit-podcast-e1-misfit-mind-do-it-for', 'podlets-016-cloud-native-apps'];

function cli(...args: string[]): Promise<CliResult> {
  return cliWithEnv({}, ...args);
}

function cliWithEnv(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  return invokeCli(args, env);
}

describe.runIf(requireCorpus())('podbrief eval', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podbrief-eval-'));
    for (const e of EPISODES) await cp(corpusPath('eval-public', e), join(dir, e), { recursive: true });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints a JSON report: per episode and on average, engine, lead-5 and TextRank-5, and the ratios', {
    timeout: 60_000,
  }, async () => {
    const { code, stdout } = await cli('eval', dir, '--json');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as EvalReport;
    expect(report.systems).toEqual(['embedded', 'lead-5', 'textrank-5']);
    expect(report.episodes.map((e) => e.episode)).toEqual(EPISODES);
    expect(report.episodes.map((e) => e.references)).toEqual([6, 26]);
    for (const scores of [...report.episodes.map((e) => e.systems), report.average]) {
      for (const name of report.systems) {
        const s = scores[name];
        expect(s, name).toBeDefined();
        for (const x of [s?.rouge1Recall, s?.insightsMatched, s?.referencesMatched])
          expect(x).toBeGreaterThanOrEqual(0);
        for (const x of [s?.rouge1Recall, s?.insightsMatched, s?.referencesMatched]) expect(x).toBeLessThanOrEqual(1);
        expect(s?.avgWords).toBeGreaterThan(0);
      }
    }
    const mean = (name: string): number =>
      report.episodes.reduce((a, e) => a + (e.systems[name]?.referencesMatched ?? 0), 0) / report.episodes.length;
    expect(report.average.embedded?.referencesMatched).toBeCloseTo(mean('embedded'), 10);
    expect(report.ratioToTextRank?.referencesMatched).toBeCloseTo(mean('embedded') / mean('textrank-5'), 10);
    expect(report.match).toEqual({ threshold: 0.3, minSharedTerms: 2, commonWordEvery: 2000 });
    expect(report.quotes).toEqual({ total: 10, grounded: 10 });
    expect(report.episodes.map((e) => e.quotes.total)).toEqual([5, 5]);
  });

  it('prints a table by default', { timeout: 60_000 }, async () => {
    const { code, stdout } = await cli('eval', dir);
    expect(code).toBe(0);
    expect(stdout).toContain('podlets-016-cloud-native-apps (26 reference points)');
    expect(stdout).toMatch(/average over 2 episodes/);
    expect(stdout).toMatch(/embedded \/ textrank: insights matched [\d.]+x|n\/a/);
    expect(stdout).toContain('embedded quotes found verbatim in the transcript: 10/10');
  });

  it('fails with one clear line and exit code 1 on a bad directory', { timeout: 60_000 }, async () => {
    const missing = await cli('eval', join(dir, 'no-such-dir'));
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe(`podbrief: ${join(dir, 'no-such-dir')} is not a directory`);
    const empty = await cli('eval', join(dir, EPISODES[0] as string));
    expect(empty.code).toBe(1);
    expect(empty.stderr.trim().split('\n')).toHaveLength(1);
    expect(empty.stderr).toMatch(/^podbrief: no episode folders/);
  });
});

describe.runIf(requireCorpus())('podbrief eval --engine llm', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podbrief-eval-llm-'));
    await cp(corpusPath('eval-public', EPISODES[0] as string), join(dir, EPISODES[0] as string), { recursive: true });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const envFor = (url: string) => ({
    DATA_DIR: join(dir, '.data'),
    LLM_BASE_URL: `${url}/v1`,
    LLM_MODEL: 'test-model',
    LLM_API_KEY: 'sk-test',
    LOG_LEVEL: 'silent',
  });

  it('scores the LLM engine against the same baselines, and pays once for the same transcripts', {
    timeout: 60_000,
  }, async () => {
    const server = await startFakeOpenAi([{ outputFor: longestLines }]);
    try {
      const first = await cliWithEnv(envFor(server.url), 'eval', dir, '--engine', 'llm', '--json');
      expect(first.stderr).toBe('');
      const report = JSON.parse(first.stdout) as EvalReport;
      expect(report.systems).toEqual(['llm', 'lead-5', 'textrank-5']);
      expect(report.average.llm?.items).toBe(5);
      expect(report.average.llm?.avgWords).toBeGreaterThan(0);
      const paid = server.requests.length;
      expect(paid).toBeGreaterThan(0);
      const again = await cliWithEnv(envFor(server.url), 'eval', dir, '--engine', 'llm', '--json');
      expect(JSON.parse(again.stdout)).toEqual(report);
      expect(server.requests).toHaveLength(paid);
    } finally {
      await server.close();
    }
  });

  it('says on stderr when an episode fell back to the embedded engine', { timeout: 60_000 }, async () => {
    const server = await startFakeOpenAi([{ status: 400, message: 'model not found' }]);
    try {
      const res = await cliWithEnv(
        { ...envFor(server.url), DATA_DIR: join(dir, '.data-400') },
        'eval',
        dir,
        '--engine',
        'llm',
        '--json',
      );
      expect(res.code).toBe(0);
      expect(res.stderr).toMatch(/^podbrief: the LLM engine fell back to the embedded one: .*model not found/);
      expect((JSON.parse(res.stdout) as EvalReport).systems[0]).toBe('llm');
    } finally {
      await server.close();
    }
  });
});
