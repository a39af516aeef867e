import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { extractInsights } from '../../insights/index.js';
import { AppError } from '../../model/errors.js';
import type { RelateInput } from '../../model/insight.js';
import {
  DEFAULT_EMBEDDING_RELATE_THRESHOLD,
  DEFAULT_RELATE_THRESHOLD,
  SHORT_ITEMS_RELATE_THRESHOLD,
  EMBEDDER_CONFIG_KEYS,
  embedderFromConfig,
  relateInsights,
  relateInsightsWithEmbedder,
  type Embedder,
} from '../../related/index.js';
import { readTranscriptFile } from '../../transcripts/index.js';
import { loadGlobalOptions, printJson } from '../context.js';
import { say } from '../terminal-text.js';
import { engineOption, withLlmEngine, type EngineChoice } from './llm-engine.js';

/** Commands that work on local files alone: no database, no network (except `insights --engine llm` and a configured embeddings endpoint for `related`). */
export function localFileCommands(program: Command): void {
  program
    .command('transcript <file>')
    .description('parse a transcript file (SRT, WebVTT, Podcasting 2.0 JSON, HTML, text, Markdown) into timed segments')
    .option('--json', 'print JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const transcript = await readTranscriptFile(file);
      if (opts.json) return printJson(transcript);
      for (const s of transcript.segments) say(`[${clock(s.start)}] ${s.speaker ? s.speaker + ': ' : ''}${s.text}`);
    });

  program
    .command('insights <transcript-file>')
    .description('extract the top insights of a transcript file')
    .option('--top <n>', 'how many insights', (v) => positiveInt(v, '--top'), 5)
    .addOption(engineOption())
    .option('--json', 'print JSON (an array of insight objects)')
    .action(async (file: string, opts: { top: number; engine: EngineChoice; json?: boolean }) => {
      const transcript = await readTranscriptFile(file);
      const insights =
        opts.engine === 'llm'
          ? await withLlmEngine(program, (engine) => engine.extract(transcript, { top: opts.top }))
          : extractInsights(transcript, { top: opts.top });
      if (opts.json) return printJson(insights);
      insights.forEach((i, n) => {
        say(`${n + 1}. ${i.headline}`);
        say(`   ${i.text}`);
        say(`   “${i.quote}” — ${i.speaker ? i.speaker + ', ' : ''}${clock(i.start)}\n`);
      });
    });

  program
    .command('related <insights-jsonl>')
    .description(
      'group insights (one JSON object per line with "id" and "text") by theme; with EMBEDDINGS_BASE_URL set, by embedding similarity',
    )
    .option(
      '--threshold <x>',
      `merge threshold, a number between 0 and 1 (default: lexical, per pair: ${SHORT_ITEMS_RELATE_THRESHOLD} for two short items, ${DEFAULT_RELATE_THRESHOLD} otherwise; ${DEFAULT_EMBEDDING_RELATE_THRESHOLD} with embeddings)`,
      parseThreshold,
    )
    .option('--lexical', 'use the embedded TF-IDF similarity even when an embeddings endpoint is configured')
    .option('--json', 'print JSON {"groups": [[id, ...], ...]}')
    .action(async (file: string, opts: { threshold?: number; lexical?: boolean; json?: boolean }) => {
      const items = readJsonl(await readFile(file, 'utf8'), file);
      const relateOpts = opts.threshold === undefined ? {} : { threshold: opts.threshold };
      const embedder = opts.lexical ? undefined : configuredEmbedder(program);
      const related = embedder
        ? await relateInsightsWithEmbedder(items, embedder, relateOpts)
        : relateInsights(items, relateOpts);
      // Ids come back as they were given (a number stays a number).
      const original = new Map(items.map((i) => [i.id, i.originalId]));
      const result = { groups: related.groups.map((g) => g.map((id) => original.get(id) ?? id)) };
      if (opts.json) return printJson(result);
      result.groups.forEach((g, n) => say(`group ${n + 1}: ${g.join(', ')}`));
    });
}

/**
 * The EMBEDDINGS_* endpoint from env and --config, or undefined when none is set. Reads and checks
 * only what the client needs, so a bad unrelated setting (the database, the LLM) never stops `related`.
 */
function configuredEmbedder(program: Command): Embedder | undefined {
  if (!loadGlobalOptions(program, ['embeddingsBaseUrl']).embeddingsBaseUrl) return undefined;
  return embedderFromConfig(loadGlobalOptions(program, EMBEDDER_CONFIG_KEYS));
}

function parseThreshold(value: string): number {
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || x <= 0 || x >= 1) {
    throw new AppError(
      'invalid_argument',
      `--threshold must be a number greater than 0 and less than 1, got "${value}"`,
    );
  }
  return x;
}

function readJsonl(text: string, file: string): (RelateInput & { originalId: string | number })[] {
  return text
    .split(/\r?\n/)
    .map((line, n) => ({ line: line.trim(), n: n + 1 }))
    .filter(({ line }) => line.length > 0)
    .map(({ line, n }) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new AppError('invalid_jsonl', `${file}:${n}: not valid JSON`);
      }
      const obj = value as { id?: unknown; text?: unknown };
      if (
        typeof obj !== 'object' ||
        obj === null ||
        (typeof obj.id !== 'string' && typeof obj.id !== 'number') ||
        typeof obj.text !== 'string'
      ) {
        throw new AppError('invalid_jsonl', `${file}:${n}: expected an object with "id" and "text"`);
      }
      return { id: String(obj.id), originalId: obj.id, text: obj.text };
    });
}

export function positiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new AppError('invalid_argument', `${flag} must be a positive whole number, got "${value}"`);
  return n;
}

export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
