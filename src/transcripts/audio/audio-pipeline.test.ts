import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partBytes, sendThenDrop } from '../../../test/net/drop-once-saved.js';
import { startLocalServer, type LocalServer } from '../../../test/net/local-server.js';
import { AppError } from '../../model/errors.js';
import { failure } from '../asr/test-support/failure.js';
import { fetchAudio, hashFile } from '../asr/fetch-audio.js';
import { planChunks } from './chunk-plan.js';
import { decodeToWav } from './decode-audio.js';
import { probeAudio } from './probe-audio.js';
import { SPEECH_SECONDS, speechFile, type Encoding } from './test-support/speech.js';
import { readWavInfo, readWavSamples, writeWavSlice } from './wav.js';

let dir: string;
let server: LocalServer;
const files = new Map<string, Buffer>();
let cutNext = 0;
/** What the interrupted download has saved: the cut waits for it. */
let cutSaved = (): number => 0;

/** A static host with ETag and byte ranges; `cutNext` makes the next full answer stop early. */
function host(req: IncomingMessage, res: ServerResponse): void {
  const body = files.get(req.url ?? '');
  if (!body) return void res.writeHead(404).end();
  const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  if (range && req.headers['if-range'] === '"a1"') {
    const start = Number(range[1]);
    res.writeHead(206, {
      etag: '"a1"',
      'content-range': `bytes ${start}-${body.length - 1}/${body.length}`,
      'content-length': body.length - start,
    });
    return void res.end(body.subarray(start));
  }
  res.writeHead(200, {
    etag: '"a1"',
    'content-type': 'audio/mpeg',
    'content-length': body.length,
    'accept-ranges': 'bytes',
  });
  if (cutNext > 0) {
    const at = cutNext;
    cutNext = 0;
    return void sendThenDrop(res, body, at, cutSaved);
  }
  res.end(body);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podbrief-audio-'));
  for (const e of ['mp3', 'm4a', 'opus'] as const) files.set(`/episode.${e}`, readFileSync(speechFile(e)));
  server = await startLocalServer(host);
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const local = { allowPrivateNetworks: true, timeoutMs: 10_000 };

describe('audio pipeline on recorded speech (MP3/M4A/Opus → HTTP → disk → 16 kHz WAV → chunks)', () => {
  it.each<Encoding>(['mp3', 'm4a', 'opus'])(
    '%s: downloads, probes, decodes to 16 kHz mono and slices overlapping chunks',
    async (encoding) => {
      const work = join(dir, encoding);
      const audio = await fetchAudio(`${server.url}/episode.${encoding}`, {
        dir: work,
        maxBytes: 5_000_000,
        download: local,
      });
      expect(audio.downloaded).toBe(true);
      expect(audio.sha256).toBe(await hashFile(audio.path));

      const probe = await probeAudio(audio.path);
      expect(probe.durationSeconds).toBeGreaterThan(SPEECH_SECONDS - 0.5);
      expect(probe.durationSeconds).toBeLessThan(SPEECH_SECONDS + 0.5);

      const wavPath = join(work, 'decoded.wav');
      await decodeToWav(audio.path, wavPath);
      const info = await readWavInfo(wavPath);
      expect(info).toMatchObject({ sampleRate: 16_000, channels: 1, bitsPerSample: 16 });
      expect(Math.abs(info.durationSeconds - SPEECH_SECONDS)).toBeLessThan(0.2);
      const samples = await readWavSamples(wavPath);
      expect(Math.max(...samples.subarray(0, 16_000 * 3).map(Math.abs))).toBeGreaterThan(0.05); // speech, not silence

      const chunks = planChunks(info.durationSeconds, { maxChunkSeconds: 10, overlapSeconds: 2 });
      expect(chunks.length).toBeGreaterThanOrEqual(3);
      for (const c of chunks) {
        const slice = join(work, `chunk-${c.index}.wav`);
        await writeWavSlice(wavPath, info, c.start, c.end, slice);
        const sliceInfo = await readWavInfo(slice);
        expect(sliceInfo.sampleRate).toBe(16_000);
        expect(Math.abs(sliceInfo.durationSeconds - (c.end - c.start))).toBeLessThan(0.001);
      }
      expect(chunks[0]!.start).toBe(0);
      expect(chunks.at(-1)!.end).toBe(info.durationSeconds);
    },
  );

  it('refuses audio over the size cap and keeps nothing', async () => {
    const work = join(dir, 'capped');
    const err = await failure(
      fetchAudio(`${server.url}/episode.mp3`, { dir: work, maxBytes: 20_000, download: local }),
    );
    expect(err.code).toBe('response_too_large');
    expect(existsSync(work) ? readdirSync(work) : []).toEqual([]);
  });

  it('resumes an interrupted download where it stopped', async () => {
    const work = join(dir, 'resume');
    const body = files.get('/episode.m4a')!;
    cutNext = Math.floor(body.length / 2);
    cutSaved = () => partBytes(work);
    const err = await failure(
      fetchAudio(`${server.url}/episode.m4a`, { dir: work, maxBytes: 5_000_000, download: local }),
    );
    expect(['truncated_body', 'connection_failed']).toContain(err.code);
    const before = server.requests.length;
    const audio = await fetchAudio(`${server.url}/episode.m4a`, { dir: work, maxBytes: 5_000_000, download: local });
    expect(server.requests[before]?.headers.range).toBe(`bytes=${Math.floor(body.length / 2)}-`);
    expect(readFileSync(audio.path).equals(body)).toBe(true);
  });

  it('says clearly when ffmpeg is missing, and when a file is not audio', async () => {
    const err = await failure(decodeToWav(join(dir, 'speech.wav'), join(dir, 'x.wav'), '/nonexistent/ffmpeg'));
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('ffmpeg_missing');
    expect(err.message).toBe(
      '/nonexistent/ffmpeg was not found: install ffmpeg (Debian/Ubuntu: apt-get install ffmpeg) or set FFMPEG_PATH',
    );
    const junk = join(dir, 'junk.mp3');
    await writeFile(junk, 'this is not audio at all');
    const bad = await failure(decodeToWav(junk, join(dir, 'y.wav')));
    expect(bad.code).toBe('audio_decode_failed');
    expect(existsSync(join(dir, 'y.wav'))).toBe(false);
  });
});
