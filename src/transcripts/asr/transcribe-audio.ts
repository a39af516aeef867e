import { join } from 'node:path';
import type { AsrEngineName, Config } from '../../config/options.js';
import { createTranscribers } from './create-transcribers.js';
import { runAsr, type AsrProgress, type AsrResult } from './run-asr.js';

export interface TranscribeAudioOptions {
  /** The settings (loadConfig() reads the environment and PODBRIEF_CONFIG). */
  config: Config;
  /** One engine instead of the configured ladder. */
  engine?: AsrEngineName;
  language?: string;
  onProgress?: (p: AsrProgress) => void;
  signal?: AbortSignal;
}

/**
 * Turns an audio file or URL into a normalized transcript (`source: asr:<engine>`) with the
 * configured engines. Throws `asr_failed` (every engine's reason) or `asr_not_configured`.
 */
export async function transcribeAudio(source: string, opts: TranscribeAudioOptions): Promise<AsrResult> {
  const c = opts.config;
  return runAsr(source, {
    engines: createTranscribers(c, opts.engine),
    workDir: join(c.dataDir, 'asr'),
    ffmpegPath: c.ffmpegPath,
    ffprobePath: c.ffprobePath,
    maxAudioBytes: c.asrMaxAudioBytes,
    maxDurationSeconds: c.asrMaxDurationMinutes * 60,
    chunkSeconds: c.asrChunkMinutes * 60,
    overlapSeconds: c.asrChunkOverlapSeconds,
    download: {
      allowPrivateNetworks: c.allowPrivateNetworks,
      userAgent: c.userAgent,
      connectTimeoutMs: c.fetchConnectTimeoutSeconds * 1000,
    },
    ...(opts.language && { language: opts.language }),
    ...(opts.onProgress && { onProgress: opts.onProgress }),
    ...(opts.signal && { signal: opts.signal }),
  });
}
