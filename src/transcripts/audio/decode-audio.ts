import { rename, rm } from 'node:fs/promises';
import { runTool, type ToolOptions } from './ffmpeg.js';
import { locateTool } from './locate-tools.js';

const SAMPLE_RATE = 16_000;
/** 16-bit mono PCM at 16 kHz: what every whisper engine wants, and 32 000 bytes per second. */
export const WAV_BYTES_PER_SECOND = SAMPLE_RATE * 2;

/**
 * Decodes any audio ffmpeg reads (MP3, AAC/M4A, Opus, Vorbis, FLAC, …) to 16 kHz mono 16-bit WAV.
 * Writes beside the target and renames, so a crash never leaves a half file under the final name.
 * An empty or missing `ffmpegPath` means the located one (locate-tools.ts).
 */
export async function decodeToWav(
  input: string,
  output: string,
  ffmpegPath?: string,
  opts: ToolOptions = {},
): Promise<void> {
  const tmp = `${output}.tmp.wav`;
  const args = [
    '-nostdin',
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-i',
    input,
    '-vn',
    '-ac',
    '1',
    '-ar',
    String(SAMPLE_RATE),
    '-c:a',
    'pcm_s16le',
    '-f',
    'wav',
    tmp,
  ];
  try {
    await runTool(locateTool('ffmpeg', ffmpegPath).path, args, { timeoutMs: 30 * 60_000, ...opts });
    await rename(tmp, output);
  } finally {
    await rm(tmp, { force: true });
  }
}
