import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locateTool } from '../locate-tools.js';

/** Real speech, recorded once by scripts/make-test-speech.sh (espeak-ng) so tests need no speech synthesizer. */
const FIXTURES = new URL('../../../../test/fixtures/speech/', import.meta.url).pathname;

/** What the recordings say, one sentence a line. */
export const SCRIPT = readFileSync(join(FIXTURES, 'script.txt'), 'utf8').trim().split('\n');

/** Length of the spoken script before encoding, as recorded beside the fixtures. */
export const SPEECH_SECONDS = (JSON.parse(readFileSync(join(FIXTURES, 'speech.json'), 'utf8')) as { seconds: number })
  .seconds;

export type Encoding = 'mp3' | 'm4a' | 'opus' | 'wav';

/** The script once, encoded as a podcast host would serve it (committed file; do not write to it). */
export function speechFile(encoding: Exclude<Encoding, 'wav'>): string {
  return join(FIXTURES, `speech.${encoding}`);
}

const CODECS: Record<Exclude<Encoding, 'wav'>, string[]> = {
  mp3: ['-c:a', 'libmp3lame', '-b:a', '64k'],
  m4a: ['-c:a', 'aac', '-b:a', '64k'],
  opus: ['-c:a', 'libopus', '-b:a', '32k'],
};

/** The script read `times` in a row, as a 16 kHz mono WAV in `dir`: longer audio without a longer fixture. */
export function speak(dir: string, times = 1): string {
  const wav = join(dir, 'speech.wav');
  ffmpeg([
    '-stream_loop',
    String(times - 1),
    '-i',
    speechFile('opus'),
    '-ac',
    '1',
    '-ar',
    '16000',
    '-c:a',
    'pcm_s16le',
    wav,
  ]);
  return wav;
}

/** The WAV encoded as a podcast host would serve it. */
export function encode(wav: string, encoding: Encoding): string {
  if (encoding === 'wav') return wav;
  const out = wav.replace(/\.wav$/, `.${encoding}`);
  ffmpeg(['-i', wav, ...CODECS[encoding], out]);
  return out;
}

function ffmpeg(args: string[]): void {
  execFileSync(locateTool('ffmpeg').path, ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y', ...args]);
}
