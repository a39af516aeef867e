import { readFile } from 'node:fs/promises';
import { AppError } from '../../model/errors.js';
import { redactUrl, type FetchResult } from '../../net/index.js';
import { DEFAULT_POLICY, parseJsonBody, postWithRetries, type CallPolicy } from './http-call.js';
import { multipartBody, type FormField } from './multipart.js';
import type { Transcriber } from './types.js';
import { parseVerboseJson } from './verbose-json.js';

export interface OpenAiTranscriberOptions extends Partial<Omit<CallPolicy, 'timeoutMs'>> {
  /** e.g. https://api.openai.com/v1 (no trailing slash). */
  baseUrl: string;
  model: string;
  apiKey?: string;
  pricePerMinuteUsd: number;
  maxUploadBytes: number;
  timeoutMs: number;
}

/**
 * `POST {baseUrl}/audio/transcriptions` of any OpenAI-compatible API (OpenAI, Groq, speaches,
 * LocalAI): multipart `file`, `model`, `response_format=verbose_json`,
 * `timestamp_granularities[]=segment`; errors are `{error: {message, type, code}}`.
 */
export function openAiTranscriber(o: OpenAiTranscriberOptions): Transcriber {
  const label = `transcription API ${redactUrl(o.baseUrl)}`;
  const policy: CallPolicy = { ...DEFAULT_POLICY, ...o };
  return {
    name: 'api',
    model: o.model,
    pricePerMinuteUsd: o.pricePerMinuteUsd,
    maxUploadBytes: o.maxUploadBytes,
    async transcribe(audio, opts = {}) {
      const data = await readFile(audio.path);
      if (data.length > o.maxUploadBytes)
        throw tooLarge(label, `${data.length} bytes exceed ASR_UPLOAD_MAX_BYTES (${o.maxUploadBytes})`);
      const fields: [string, FormField][] = [
        ['file', { filename: 'audio.wav', contentType: 'audio/wav', data }],
        ['model', o.model],
        ['response_format', 'verbose_json'],
        ['timestamp_granularities[]', 'segment'],
        ['temperature', '0'],
      ];
      if (opts.language) fields.push(['language', opts.language]);
      const headers: Record<string, string> = o.apiKey ? { authorization: `Bearer ${o.apiKey}` } : {};
      const res = await postWithRetries(
        `${o.baseUrl}/audio/transcriptions`,
        multipartBody(fields),
        headers,
        policy,
        label,
      );
      if (res.status === 413) throw tooLarge(label, apiMessage(res) ?? `HTTP 413 for ${data.length} bytes`);
      if (res.status < 200 || res.status >= 300) throw apiError(res, label);
      return parseVerboseJson(parseJsonBody(res, label), 'api', audio.durationSeconds);
    },
  };
}

function tooLarge(label: string, detail: string): AppError {
  return new AppError('asr_upload_too_large', `${label}: upload too large (${detail})`);
}

function apiMessage(res: FetchResult): string | undefined {
  try {
    const body = JSON.parse(res.body.toString('utf8')) as {
      error?: { message?: unknown; code?: unknown; type?: unknown } | string;
    };
    const err = body.error;
    if (typeof err === 'string') return err.slice(0, 300);
    if (!err || typeof err.message !== 'string') return undefined;
    const code = typeof err.code === 'string' ? err.code : typeof err.type === 'string' ? err.type : undefined;
    return `${err.message.replace(/\s+/g, ' ').slice(0, 300)}${code ? ` [${code}]` : ''}`;
  } catch {
    return undefined;
  }
}

function apiError(res: FetchResult, label: string): AppError {
  const detail = apiMessage(res) ?? 'no error message';
  const code = res.status === 429 ? 'asr_rate_limited' : res.status >= 500 ? 'asr_server_error' : 'asr_request_failed';
  return new AppError(code, `${label}: HTTP ${res.status}: ${detail}`);
}
