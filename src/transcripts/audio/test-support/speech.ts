import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const SCRIPT = [
  'Welcome to the show. Today we talk about open source speech recognition.',
  'Podcasts publish thousands of hours of audio every day, and most of it has no transcript.',
  'A small model running on an ordinary computer can turn that audio into searchable text.',
  'The hard part is not the model. It is splitting long audio, stitching the pieces, and knowing when the result is wrong.',
  'Thank you for listening, and see you next week.',
];

export type Encoding = 'mp3' | 'm4a' | 'opus' | 'wav';

const CODECS: Record<Exclude<Encoding, 'wav'>, string[]> = {
  mp3: ['-c:a', 'libmp3lame', '-b:a', '64k'],
  m4a: ['-c:a', 'aac', '-b:a', '64k'],
  opus: ['-c:a', 'libopus', '-b:a', '32k'],
};

/** Real speech: espeak-ng reads `text` (repeated `times`, with pauses) into a WAV. */
export function speak(dir: string, text: string = SCRIPT.join(' '), times = 1): string {
  const wav = join(dir, 'speech.wav');
  execFileSync('espeak-ng', ['-s', '160', '-w', wav, Array(times).fill(text).join(' ... ')]);
  return wav;
}

/** The WAV encoded as a podcast host would serve it. */
export function encode(wav: string, encoding: Encoding): string {
  if (encoding === 'wav') return wav;
  const out = wav.replace(/\.wav$/, `.${encoding}`);
  execFileSync('ffmpeg', ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', '-i', wav, ...CODECS[encoding], out]);
  return out;
}
