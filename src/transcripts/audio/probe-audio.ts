import { AppError } from '../../model/errors.js';
import { runTool, type ToolOptions } from './ffmpeg.js';
import { locateTool } from './locate-tools.js';

export interface AudioProbe {
  durationSeconds: number;
  codec?: string;
  formatName?: string;
}

interface FfprobeJson {
  format?: { duration?: string; format_name?: string };
  streams?: { codec_type?: string; codec_name?: string; duration?: string }[];
}

/** Duration and codec of an audio file, read by ffprobe from the container (no decoding); an empty `ffprobePath` means the located one. */
export async function probeAudio(path: string, ffprobePath?: string, opts: ToolOptions = {}): Promise<AudioProbe> {
  const args = [
    '-v',
    'error',
    '-show_entries',
    'format=duration,format_name:stream=codec_type,codec_name,duration',
    '-of',
    'json',
    path,
  ];
  const { stdout } = await runTool(locateTool('ffprobe', ffprobePath).path, args, { timeoutMs: 60_000, ...opts });
  let parsed: FfprobeJson;
  try {
    parsed = JSON.parse(stdout) as FfprobeJson;
  } catch {
    throw new AppError('audio_invalid', `ffprobe gave no readable answer for ${path}`);
  }
  const audio = parsed.streams?.find((s) => s.codec_type === 'audio');
  if (!audio) throw new AppError('audio_invalid', `no audio stream in ${path}`);
  const duration = Number(parsed.format?.duration ?? audio.duration);
  if (!Number.isFinite(duration) || duration <= 0)
    throw new AppError('audio_invalid', `could not read the duration of ${path}`);
  return {
    durationSeconds: duration,
    ...(audio.codec_name && { codec: audio.codec_name }),
    ...(parsed.format?.format_name && { formatName: parsed.format.format_name }),
  };
}
