import { readFile } from 'node:fs/promises';
import { AppError } from '../../model/errors.js';
import { redactUrl } from '../../net/index.js';
import { DEFAULT_POLICY, parseJsonBody, postWithRetries, type CallPolicy } from './http-call.js';
import { multipartBody, type FormField } from './multipart.js';
import type { Transcriber } from './types.js';
import { parseVerboseJson } from './verbose-json.js';

export interface WhisperServerOptions extends Partial<Omit<CallPolicy, 'timeoutMs'>> {
  /** The server's base URL, e.g. http://127.0.0.1:8080. */
  url: string;
  timeoutMs: number;
  /** Shown in records; the server decides which model it runs. */
  model?: string;
}

/**
 * A whisper.cpp server: `POST {url}/inference` with multipart `file` (16 kHz WAV),
 * `response_format=verbose_json`, `temperature`. It reports failures as `{"error": "…"}`, often
 * with HTTP 200, and languages by name.
 */
export function whisperServerTranscriber(o: WhisperServerOptions): Transcriber {
  const label = `whisper.cpp server ${redactUrl(o.url)}`;
  const policy: CallPolicy = { ...DEFAULT_POLICY, ...o };
  return {
    name: 'whisper-server',
    model: o.model ?? 'server',
    pricePerMinuteUsd: 0,
    async transcribe(audio, opts = {}) {
      const fields: [string, FormField][] = [
        ['file', { filename: 'audio.wav', contentType: 'audio/wav', data: await readFile(audio.path) }],
        ['response_format', 'verbose_json'],
        ['temperature', '0.0'],
        ['temperature_inc', '0.2'],
        ['language', opts.language ?? 'auto'],
      ];
      const res = await postWithRetries(`${o.url}/inference`, multipartBody(fields), {}, policy, label);
      const body = res.status === 404 ? undefined : safeJson(res.body);
      const error =
        body && typeof body === 'object' && 'error' in body ? String((body as { error: unknown }).error) : undefined;
      if (error !== undefined || res.status < 200 || res.status >= 300) {
        const code = res.status >= 500 ? 'asr_server_error' : 'asr_request_failed';
        throw new AppError(code, `${label}: ${error ?? `HTTP ${res.status}`}`.slice(0, 400));
      }
      return parseVerboseJson(parseJsonBody(res, label), 'whisper-server', audio.durationSeconds);
    },
  };
}

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}
