import { createReadStream, createWriteStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../model/errors.js';

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  dataOffset: number;
  dataBytes: number;
  durationSeconds: number;
}

const HEADER_SCAN = 64 * 1024;

/** Reads the RIFF header of a PCM WAV file (as ffmpeg writes them) and finds its data chunk. */
export async function readWavInfo(path: string): Promise<WavInfo> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(Math.min(HEADER_SCAN, size));
    await file.read(head, 0, head.length, 0);
    return parseHeader(head, size, path);
  } finally {
    await file.close();
  }
}

function parseHeader(head: Buffer, fileSize: number, path: string): WavInfo {
  if (head.length < 12 || head.toString('ascii', 0, 4) !== 'RIFF' || head.toString('ascii', 8, 12) !== 'WAVE') {
    throw new AppError('audio_invalid', `${path} is not a WAV file`);
  }
  let fmt: { channels: number; sampleRate: number; bits: number; format: number } | undefined;
  for (let at = 12; at + 8 <= head.length; ) {
    const id = head.toString('ascii', at, at + 4);
    const size = head.readUInt32LE(at + 4);
    const body = at + 8;
    if (id === 'fmt ' && body + 16 <= head.length) {
      fmt = {
        format: head.readUInt16LE(body),
        channels: head.readUInt16LE(body + 2),
        sampleRate: head.readUInt32LE(body + 4),
        bits: head.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (!fmt || (fmt.format !== 1 && fmt.format !== 0xfffe) || fmt.bits !== 16)
        throw new AppError('audio_invalid', `${path} is not 16-bit PCM WAV`);
      // ffmpeg may leave the size at 0xFFFFFFFF when it could not seek back: trust the file size then.
      const dataBytes = Math.min(size, fileSize - body);
      const bytesPerSecond = fmt.sampleRate * fmt.channels * 2;
      return {
        sampleRate: fmt.sampleRate,
        channels: fmt.channels,
        bitsPerSample: 16,
        dataOffset: body,
        dataBytes,
        durationSeconds: dataBytes / bytesPerSecond,
      };
    }
    at = body + size + (size % 2);
  }
  throw new AppError('audio_invalid', `${path} has no WAV data chunk`);
}

function wavHeader(dataBytes: number, sampleRate: number, channels: number): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(channels, 22);
  h.writeUInt32LE(sampleRate, 24);
  h.writeUInt32LE(sampleRate * channels * 2, 28);
  h.writeUInt16LE(channels * 2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

/** Copies [startSeconds, endSeconds) of a PCM WAV into its own WAV file, sample-exact, without re-encoding. */
export async function writeWavSlice(
  src: string,
  info: WavInfo,
  startSeconds: number,
  endSeconds: number,
  dest: string,
): Promise<void> {
  const frame = info.channels * 2;
  const byteAt = (s: number): number => Math.min(info.dataBytes, Math.max(0, Math.round(s * info.sampleRate)) * frame);
  const from = byteAt(startSeconds);
  const to = byteAt(endSeconds);
  const out = createWriteStream(dest);
  out.write(wavHeader(to - from, info.sampleRate, info.channels));
  if (to === from) {
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    return;
  }
  await pipeline(createReadStream(src, { start: info.dataOffset + from, end: info.dataOffset + to - 1 }), out);
}

/** The samples of a 16-bit mono WAV as floats in [-1, 1), as whisper.cpp takes them. */
export async function readWavSamples(path: string): Promise<Float32Array> {
  const info = await readWavInfo(path);
  if (info.channels !== 1) throw new AppError('audio_invalid', `${path} is not mono`);
  const bytes = await readFile(path);
  const count = Math.floor(info.dataBytes / 2);
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) out[i] = bytes.readInt16LE(info.dataOffset + i * 2) / 32768;
  return out;
}
