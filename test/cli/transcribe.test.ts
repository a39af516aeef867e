import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { transcribeAudio } from '../../src/index.js';
import { speechFile } from '../../src/transcripts/audio/test-support/speech.js';
import { startLocalServer, type LocalServer } from '../net/local-server.js';
import { invokeCli } from './run-cli.js';
import { requireShared, sharedPath } from '../corpus.js';

const HELLO_MODEL = sharedPath('fixtures', 'whisper-hello-world.bin');
const hasModel = requireShared(HELLO_MODEL, 'the shared whisper test model');

let dir: string;
let opus: string;
let host: LocalServer;
const model = randomBytes(50_000);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podbrief-cli-asr-'));
  opus = speechFile('opus');
  host = await startLocalServer((req, res) => {
    if (req.url === '/ggml/ggml-tiny.en.bin')
      return void res.writeHead(200, { 'content-length': model.length }).end(model);
    res.writeHead(404).end();
  });
});

afterAll(async () => {
  await host?.close();
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({
  DATA_DIR: join(dir, 'data'),
  WHISPER_MODEL_PATH: HELLO_MODEL,
  WHISPER_THREADS: '1',
  WHISPER_MODEL_BASE_URL: `${host.url}/ggml`,
});

describe.skipIf(!hasModel)('podbrief transcribe / models', () => {
  it('transcribe --engine whisper --json prints segments, language and source', async () => {
    const r = await invokeCli(['transcribe', opus, '--engine', 'whisper', '--json'], env());
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      segments: { start: number; end: number; text: string }[];
      language: string;
      source: string;
    };
    expect(out.source).toBe('asr:whisper');
    expect(out.language).toBe('en');
    expect(out.segments[0]).toMatchObject({ start: 0, text: 'hello world' });
    expect(r.stderr).toContain('podbrief: transcribed by whisper (whisper-hello-world.bin)');
  });

  it('says when no engine is configured', async () => {
    const r = await invokeCli(['transcribe', opus], env());
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('podbrief: no speech-to-text engine is configured (ASR_ENGINE=none)');
  });

  it('models download verifies the checksum, and refuses a mismatch', async () => {
    const sha = createHash('sha256').update(model).digest('hex');
    const ok = await invokeCli(['models', 'download', 'tiny.en', '--sha256', sha], env());
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(`ggml-tiny.en.bin (0 MB, sha256 ${sha} verified)`);
    expect(readFileSync(join(dir, 'data', 'models', 'ggml-tiny.en.bin')).equals(model)).toBe(true);
    const bad = await invokeCli(['models', 'download', 'tiny.en', '--force'], env()); // built-in checksum of the real model
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(
      /^podbrief: ggml-tiny\.en\.bin: SHA-256 [0-9a-f]{64} does not match the expected 921e4cf8686fdd993dcd081a5da5b6c365bfde1162e72b08d75ac75289920b1f; the file was deleted/,
    );
    expect(existsSync(join(dir, 'data', 'models', 'ggml-tiny.en.bin'))).toBe(false);
  });

  it('is exported from the library as transcribeAudio', async () => {
    const config = loadConfig({ env: env() });
    const r = await transcribeAudio(opus, { config, engine: 'whisper' });
    expect(r.transcript.source).toBe('asr:whisper');
    expect(r.transcript.segments.length).toBeGreaterThan(0);
  });
});
