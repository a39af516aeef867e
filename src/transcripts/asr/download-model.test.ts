import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { partBytes, sendThenDrop } from '../../../test/net/drop-once-saved.js';
import { startLocalServer, type LocalServer } from '../../../test/net/local-server.js';
import { failure } from './test-support/failure.js';
import { downloadModel, type DownloadModelOptions } from './download-model.js';

const model = randomBytes(300_000);
const sha256 = createHash('sha256').update(model).digest('hex');
let server: LocalServer;
let dir: string;
let cutNext = 0;

beforeAll(async () => {
  // Serves /models/ggml-<name>.bin like the ggml model host: ETag and byte ranges.
  server = await startLocalServer((req, res) => {
    if (!/^\/models\/ggml-[\w.-]+\.bin$/.test(req.url ?? '')) return void res.writeHead(404).end();
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (range && req.headers['if-range'] === '"m1"') {
      const start = Number(range[1]);
      res.writeHead(206, {
        etag: '"m1"',
        'content-range': `bytes ${start}-${model.length - 1}/${model.length}`,
        'content-length': model.length - start,
      });
      return void res.end(model.subarray(start));
    }
    res.writeHead(200, { etag: '"m1"', 'content-length': model.length, 'accept-ranges': 'bytes' });
    if (cutNext) {
      const at = cutNext;
      cutNext = 0;
      return void sendThenDrop(res, model, at, () => partBytes(dir));
    }
    res.end(model);
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = await mkdtemp(join(tmpdir(), 'podbrief-models-'));
});

const opts = (o: Partial<DownloadModelOptions> = {}): DownloadModelOptions => ({
  baseUrl: `${server.url}/models`,
  dir,
  sha256,
  download: { allowPrivateNetworks: true, timeoutMs: 10_000 },
  ...o,
});

describe('downloadModel', () => {
  it('fetches ggml-<name>.bin into the models folder when its SHA-256 matches, once', async () => {
    const progress: number[] = [];
    const got = await downloadModel('tiny.en', opts({ onProgress: (n) => progress.push(n) }));
    expect(got).toMatchObject({ path: join(dir, 'ggml-tiny.en.bin'), bytes: model.length, sha256, downloaded: true });
    expect(readFileSync(got.path).equals(model)).toBe(true);
    expect(progress.at(-1)).toBe(model.length);
    expect(server.requests.at(-1)?.url).toBe('/models/ggml-tiny.en.bin');
    const again = await downloadModel('tiny.en', opts());
    expect(again.downloaded).toBe(false);
  });

  it('deletes the file and says so when the checksum does not match', async () => {
    const wrong = 'a'.repeat(64);
    const err = await failure(downloadModel('base.en', opts({ sha256: wrong })));
    expect(err.code).toBe('checksum_mismatch');
    expect(err.message).toBe(
      `ggml-base.en.bin: SHA-256 ${sha256} does not match the expected ${wrong}; the file was deleted`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('resumes an interrupted download and verifies the whole file', async () => {
    cutNext = 120_000;
    const first = await failure(downloadModel('small.en', opts()));
    expect(['truncated_body', 'connection_failed']).toContain(first.code);
    expect(existsSync(join(dir, 'ggml-small.en.bin.part'))).toBe(true);
    const got = await downloadModel('small.en', opts());
    expect(got).toMatchObject({ resumedFrom: 120_000, sha256, downloaded: true });
    expect(readFileSync(got.path).equals(model)).toBe(true);
  });

  it('uses the built-in checksum for a standard model, and refuses names it cannot verify or that escape the folder', async () => {
    // The built-in SHA-256 of the real tiny.en does not match this test file: nothing is kept.
    const err = await failure(downloadModel('tiny.en', opts({ sha256: undefined })));
    expect(err.code).toBe('checksum_mismatch');
    expect(readdirSync(dir)).toEqual([]);
    const unknown = await failure(downloadModel('my-model', opts({ sha256: undefined })));
    expect(unknown.message).toBe('no known checksum for model "my-model": pass --sha256 <hex> to download it');
    const traversal = await failure(downloadModel('../../etc/passwd', opts()));
    expect(traversal.code).toBe('invalid_argument');
  });
});
