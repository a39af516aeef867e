import type { AsrEngineName, Config } from '../../config/options.js';
import { AppError, errorMessage } from '../../model/errors.js';
import { resolveModelPath } from './model-catalog.js';
import { openAiTranscriber } from './openai-transcriber.js';
import type { Transcriber } from './types.js';
import { whisperServerTranscriber } from './whisper-server-transcriber.js';
import { whisperTranscriber } from './whisper-transcriber.js';

export type AsrConfig = Pick<
  Config,
  | 'dataDir'
  | 'asrEngine'
  | 'asrBaseUrl'
  | 'asrModel'
  | 'asrApiKey'
  | 'asrPricePerMinuteUsd'
  | 'asrUploadMaxBytes'
  | 'whisperServerUrl'
  | 'whisperModel'
  | 'whisperModelPath'
  | 'whisperThreads'
  | 'asrTimeoutSeconds'
>;

/** One engine from the settings; `asr_not_configured` names the setting that is missing. */
export function createTranscriber(name: AsrEngineName, c: AsrConfig): Transcriber {
  const timeoutMs = c.asrTimeoutSeconds * 1000;
  if (name === 'api') {
    if (!c.asrApiKey && /(^|\.)openai\.com$/i.test(new URL(c.asrBaseUrl).hostname)) {
      throw new AppError('asr_not_configured', 'ASR engine "api" needs ASR_API_KEY for the OpenAI API');
    }
    return openAiTranscriber({
      baseUrl: c.asrBaseUrl,
      model: c.asrModel,
      apiKey: c.asrApiKey,
      pricePerMinuteUsd: c.asrPricePerMinuteUsd,
      maxUploadBytes: c.asrUploadMaxBytes,
      timeoutMs,
    });
  }
  if (name === 'whisper-server') {
    if (!c.whisperServerUrl)
      throw new AppError('asr_not_configured', 'ASR engine "whisper-server" needs WHISPER_SERVER_URL');
    return whisperServerTranscriber({ url: c.whisperServerUrl.replace(/\/+$/, ''), timeoutMs });
  }
  const model = c.whisperModelPath ? c.whisperModelPath.replace(/^.*[\\/]/, '') : c.whisperModel;
  return whisperTranscriber({ modelPath: resolveModelPath(c), model, threads: c.whisperThreads, timeoutMs });
}

/** The configured ladder, or just `only` when one engine is asked for (the CLI's --engine). */
export function createTranscribers(c: AsrConfig, only?: AsrEngineName): Transcriber[] {
  return (only ? [only] : c.asrEngine).map((name) => createTranscriber(name, c));
}

/** One rung of the configured ladder: its engine, or why the settings cannot build it. */
export type AsrRung = { name: AsrEngineName; engine: Transcriber } | { name: AsrEngineName; unusable: string };

/**
 * The ASR_ENGINE ladder for the pipeline, built once per process: building depends on the settings
 * alone, so a rung that cannot be built is said again per episode rather than retried.
 */
export function createAsrLadder(c: AsrConfig): AsrRung[] {
  return c.asrEngine.map((name) => {
    try {
      return { name, engine: createTranscriber(name, c) };
    } catch (err) {
      return { name, unusable: errorMessage(err) };
    }
  });
}
