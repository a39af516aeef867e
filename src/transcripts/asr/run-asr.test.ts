import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../../test/net/local-server.js';
import { failure } from './test-support/failure.js';
import type { Segment } from '../../model/transcript.js';
import { decodeToWav } from '../audio/decode-audio.js';
import { speechFile } from '../audio/test-support/speech.js';
import { readWavInfo } from '../audio/wav.js';
import { openAiTranscriber, type OpenAiTranscriberOptions } from './openai-transcriber.js';
import { runAsr, type AsrRunOptions, type ChunkCost } from './run-asr.js';
import { startFakeOpenAi, startFakeWhisperServer, type FakeAsrServer } from './test-support/fake-asr-server.js';
import type { Transcriber } from './types.js';
import { whisperServerTranscriber } from './whisper-server-transcriber.js';

let dir: string;
let audioHost: LocalServer;
let speechSeconds: number;
let audioUrl: string;
const fakes: FakeAsrServer[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podbrief-asr-'));
  // Segments must cover the audio as decoded, which AAC pads to whole frames.
  const wav = join(dir, 'speech.wav');
  await decodeToWav(speechFile('m4a'), wav);
  speechSeconds = (await readWavInfo(wav)).durationSeconds;
  const m4a = readFileSync(speechFile('m4a'));
  audioHost = await startLocalServer(
    (_req, res) =>
      void res.writeHead(200, { 'content-type': 'audio/mp4', etag: '"e1"', 'content-length': m4a.length }).end(m4a),
  );
  audioUrl = `${audioHost.url}/episode.m4a`;
});

afterAll(async () => {
  await audioHost?.close();
  await rm(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await Promise.all(fakes.splice(0).map((f) => f.close()));
});

async function fakeOpenAi(o: Parameters<typeof startFakeOpenAi>[0] = {}): Promise<FakeAsrServer> {
  const f = await startFakeOpenAi(o);
  fakes.push(f);
  return f;
}

const waits: number[] = [];
function api(server: FakeAsrServer, o: Partial<OpenAiTranscriberOptions> = {}): Transcriber {
  return openAiTranscriber({
    baseUrl: `${server.url}/v1`,
    model: 'whisper-1',
    apiKey: 'sk-test',
    pricePerMinuteUsd: 0.006,
    maxUploadBytes: 25 * 1024 * 1024,
    timeoutMs: 5_000,
    sleep: async (ms) => void waits.push(ms),
    ...o,
  });
}

let run = 0;
function options(engines: Transcriber[], o: Partial<AsrRunOptions> = {}): AsrRunOptions & { paid: ChunkCost[] } {
  const paid: ChunkCost[] = [];
  return {
    engines,
    workDir: join(dir, `work-${run++}`),
    maxAudioBytes: 10_000_000,
    maxDurationSeconds: 3600,
    chunkSeconds: 10,
    overlapSeconds: 2,
    download: { allowPrivateNetworks: true, timeoutMs: 10_000 },
    onPaidChunk: async (c) => void paid.push(c),
    paid,
    ...o,
  };
}

function expectOrderedAndCovering(segments: Segment[], seconds: number): void {
  expect(segments.length).toBeGreaterThan(0);
  expect(segments[0]!.start).toBeLessThanOrEqual(0.5);
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    expect(s.end).toBeGreaterThanOrEqual(s.start);
    expect(s.end).toBeLessThanOrEqual(seconds + 0.01);
    if (i > 0) {
      expect(s.start).toBeGreaterThanOrEqual(segments[i - 1]!.end);
      expect(s.start - segments[i - 1]!.end).toBeLessThan(1); // no hole in the timeline
    }
  }
  expect(segments.at(-1)!.end).toBeGreaterThan(seconds - 0.5);
}

describe('runAsr with an OpenAI-compatible API', () => {
  it('sends documented multipart chunks with overlap and stitches timed segments covering the audio', async () => {
    const server = await fakeOpenAi({ apiKey: 'sk-test' });
    const o = options([api(server)]);
    const r = await runAsr(audioUrl, o);
    expect(r.transcript.source).toBe('asr:api');
    expect(r.transcript.language).toBe('en');
    expectOrderedAndCovering(r.transcript.segments, speechSeconds);
    expect(server.uploads.length).toBe(Math.ceil((speechSeconds - 2) / 8));
    for (const u of server.uploads) {
      expect(u.fields).toMatchObject({
        model: ['whisper-1'],
        response_format: ['verbose_json'],
        'timestamp_granularities[]': ['segment'],
      });
      expect(u.authorization).toBe('Bearer sk-test');
      expect(u.audioSeconds).toBeLessThanOrEqual(10.001);
    }
    const uploaded = server.uploads.reduce((sum, u) => sum + u.audioSeconds, 0);
    expect(r.costUsd).toBeCloseTo((uploaded / 60) * 0.006, 6);
    expect(o.paid.map((p) => p.chunkIndex)).toEqual(server.uploads.map((_, i) => i));
    expect(r.paidChunks).toBe(server.uploads.length);
  });

  it('plans chunks under the upload limit', async () => {
    const server = await fakeOpenAi();
    const limit = 64 * 1024 + 32_000 * 6 + 1000; // room for 6 s of WAV
    await runAsr(audioUrl, options([api(server, { maxUploadBytes: limit })]));
    expect(server.uploads.length).toBeGreaterThan(4);
    for (const u of server.uploads) expect(u.fileBytes).toBeLessThanOrEqual(limit);
  });

  it('splits a chunk the server rejects with 413, and pays only for accepted uploads', async () => {
    const server = await fakeOpenAi({ maxUploadBytes: 250_000 }); // ~7.8 s of WAV; chunks are 10 s
    const o = options([api(server)], { chunkSeconds: 70 });
    const r = await runAsr(audioUrl, o);
    const rejected = server.uploads.filter((u) => u.fileBytes > 250_000).length;
    expect(rejected).toBeGreaterThan(0);
    expect(o.paid.length).toBe(server.uploads.length - rejected);
    expectOrderedAndCovering(r.transcript.segments, speechSeconds);
  });

  it('waits out 429 Retry-After and retries 500, then succeeds', async () => {
    const server = await fakeOpenAi();
    server.script.push(
      {
        status: 429,
        headers: { 'retry-after': '7' },
        body: {
          error: {
            message: 'Rate limit reached for requests',
            type: 'requests',
            param: null,
            code: 'rate_limit_exceeded',
          },
        },
      },
      {
        status: 500,
        body: {
          error: {
            message: 'The server had an error while processing your request.',
            type: 'server_error',
            param: null,
            code: null,
          },
        },
      },
    );
    waits.length = 0;
    const r = await runAsr(audioUrl, options([api(server)]));
    expect(waits[0]).toBe(7000);
    expect(waits).toHaveLength(2);
    expect(r.paidChunks).toBe(server.uploads.length - 2);
  });

  it('fails clearly without retrying an exhausted quota, a rejected key or a timeout', async () => {
    const server = await fakeOpenAi({ apiKey: 'sk-right' });
    server.script.push({
      status: 429,
      body: {
        error: {
          message: 'You exceeded your current quota, please check your plan and billing details.',
          type: 'insufficient_quota',
          param: null,
          code: 'insufficient_quota',
        },
      },
    });
    const quota = await failure(runAsr(audioUrl, options([api(server, { apiKey: 'sk-right' })])));
    expect(quota.code).toBe('asr_failed');
    expect(quota.message).toContain(
      'HTTP 429: You exceeded your current quota, please check your plan and billing details. [insufficient_quota]',
    );
    expect(server.uploads).toHaveLength(1);

    const key = await failure(runAsr(audioUrl, options([api(server, { apiKey: 'sk-wrong' })])));
    expect(key.message).toContain('HTTP 401: Incorrect API key provided');
    expect(key.message).toContain('[invalid_api_key]');

    server.uploads.length = 0;
    server.script.push({ hang: true });
    const slow = await failure(runAsr(audioUrl, options([api(server, { apiKey: 'sk-right', timeoutMs: 500 })])));
    expect(slow.message).toMatch(/api: transcription API http:\/\/127\.0\.0\.1:\d+\/v1: no answer within 1 s/);
    expect(server.uploads).toHaveLength(1);
  });

  it('resumes after a failure without paying for a chunk twice', async () => {
    const server = await fakeOpenAi();
    const unavailable = {
      status: 503,
      body: { error: { message: 'Service unavailable', type: 'server_error', param: null, code: null } },
    };
    const workDir = join(dir, 'resume');
    // Chunks 0 and 1 go through; the server fails chunk 2 and the run stops there.
    const first = options([api(server, { maxRetries: 0 })], {
      workDir,
      beforePaidChunk: async (c) => void (c.chunkIndex === 2 && server.script.push(unavailable)),
    });
    const err = await failure(runAsr(audioUrl, first));
    expect(err.code).toBe('asr_failed');
    expect(err.message).toContain('HTTP 503: Service unavailable');
    expect(first.paid.map((p) => p.chunkIndex)).toEqual([0, 1]);

    const second = options([api(server)], { workDir });
    const r = await runAsr(audioUrl, second);
    expect(r.cachedChunks).toBe(2);
    expect(second.paid[0]?.chunkIndex).toBe(2);
    const paid = [...first.paid, ...second.paid].map((p) => p.chunkIndex);
    expect(new Set(paid).size).toBe(paid.length);
    expect(paid.length).toBe(r.cachedChunks + r.paidChunks);
    expectOrderedAndCovering(r.transcript.segments, speechSeconds);
  });

  it('does not use a low-confidence transcript, and says why', async () => {
    const server = await fakeOpenAi({ segmentExtra: { avg_logprob: -1.6 } });
    const err = await failure(runAsr(audioUrl, options([api(server)])));
    expect(err.code).toBe('asr_failed');
    expect(err.message).toBe(
      'speech-to-text failed (api: transcript not used: the engine reports low confidence (mean avg_logprob -1.60 < -1))',
    );
  });

  it('refuses audio longer than the limit before transcribing', async () => {
    const server = await fakeOpenAi();
    const declared = await failure(runAsr(audioUrl, options([api(server)], { declaredDurationSeconds: 7200 })));
    expect(declared.code).toBe('audio_too_long');
    const measured = await failure(runAsr(audioUrl, options([api(server)], { maxDurationSeconds: 10 })));
    expect(measured.message).toContain('ffprobe measures');
    expect(server.uploads).toHaveLength(0);
  });
});

describe('runAsr with a whisper.cpp server and the ladder', () => {
  it('falls back to the next engine and reports why the first was not used', async () => {
    const openai = await fakeOpenAi({ apiKey: 'sk-right' });
    const whisper = await startFakeWhisperServer();
    fakes.push(whisper);
    const r = await runAsr(
      audioUrl,
      options([api(openai, { apiKey: 'sk-wrong' }), whisperServerTranscriber({ url: whisper.url, timeoutMs: 5_000 })]),
    );
    expect(r.engine).toBe('whisper-server');
    expect(r.transcript.source).toBe('asr:whisper-server');
    expect(r.transcript.language).toBe('en');
    expect(r.costUsd).toBe(0);
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toContain('api: transcription API');
    expect(whisper.uploads[0]?.fields).toMatchObject({ response_format: ['verbose_json'], temperature: ['0.0'] });
    expectOrderedAndCovering(r.transcript.segments, speechSeconds);
  });

  it('reads the error whisper.cpp returns with HTTP 200', async () => {
    const whisper = await startFakeWhisperServer();
    fakes.push(whisper);
    whisper.script.push({ status: 200, body: { error: 'failed to read WAV file' } });
    const engine = whisperServerTranscriber({ url: whisper.url, timeoutMs: 5_000 });
    const err = await failure(runAsr(audioUrl, options([engine])));
    expect(err.message).toBe(
      `speech-to-text failed (whisper-server: whisper.cpp server ${whisper.url}: failed to read WAV file)`,
    );
  });
});
