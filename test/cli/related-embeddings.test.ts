import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startFakeEmbeddings, type FakeEmbeddings } from '../helpers/fake-embeddings.js';
import { invokeCli } from './run-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'podbrief-related-'));
const file = join(tmp, 'insights.jsonl');
// Two topics, no shared content words: only an embedding model can pair them.
writeFileSync(
  file,
  [
    { id: 'kitten', text: 'A kitten naps beside the window' },
    { id: 7, text: 'The sedan needs new brake pads' },
    { id: 'feline', text: 'Every feline grooms itself after meals' },
    { id: 'automobile', text: 'An automobile burns less fuel on highways' },
  ]
    .map((l) => JSON.stringify(l))
    .join('\n') + '\n',
);
const SINGLETONS = [['kitten'], [7], ['feline'], ['automobile']];

let fake: FakeEmbeddings;
beforeAll(async () => {
  fake = await startFakeEmbeddings();
});
afterAll(async () => {
  await fake?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const endpoint = (path: string) => ({
  EMBEDDINGS_BASE_URL: `${fake.origin}${path}`,
  EMBEDDINGS_MODEL: 'fake-embed',
  EMBEDDINGS_API_KEY: '',
});
const related = (args: string[], env: Record<string, string>) =>
  invokeCli(['related', file, '--json', ...args], { PODBRIEF_CONFIG: '', ...env });

describe('podbrief related with an embeddings endpoint', () => {
  it('groups by the configured embeddings, same JSON shape, ids as given', async () => {
    fake.requests.length = 0;
    const res = await related([], endpoint('/v1'));
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({
      groups: [
        ['kitten', 'feline'],
        [7, 'automobile'],
      ],
    });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.model).toBe('fake-embed');
  });

  it('--lexical and an unset endpoint use TF-IDF, which sees nothing shared', async () => {
    fake.requests.length = 0;
    for (const env of [endpoint('/v1'), { EMBEDDINGS_BASE_URL: '' }]) {
      const res = await related(env.EMBEDDINGS_BASE_URL ? ['--lexical'] : [], env);
      expect(res.code).toBe(0);
      expect(JSON.parse(res.stdout)).toEqual({ groups: SINGLETONS });
    }
    expect(fake.requests).toHaveLength(0);
  });

  it('--threshold applies to the embeddings path', async () => {
    // Across the fake's two topics the cosine is about 0.0099; the default 0.5 keeps them apart.
    const res = await related(['--threshold', '0.009'], endpoint('/v1'));
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({ groups: [['kitten', 7, 'feline', 'automobile']] });
  });

  it('retries a transient failure, then groups', async () => {
    const unavailable = json(503, { error: { message: 'warming up', type: 'server_error' } }, { 'retry-after': '0' });
    fake.failNext(unavailable, unavailable);
    fake.hits.clear();
    const res = await related([], endpoint('/flaky/v1'));
    expect(res.stderr).toBe('');
    expect(JSON.parse(res.stdout)).toEqual({
      groups: [
        ['kitten', 'feline'],
        [7, 'automobile'],
      ],
    });
    expect(fake.hits.get('/flaky/v1/embeddings')).toBe(3);
  });

  it('without an endpoint, an unrelated bad setting does not matter: the lexical groups, exit 0', async () => {
    const unrelated: Record<string, string>[] = [
      { LLM_MAX_CHUNK_TOKENS: 'abc' },
      { DATABASE_URL: 'mysql://x' },
      { FETCH_TIMEOUT_SECONDS: '0', EMBEDDINGS_MAX_RETRIES: 'x' },
    ];
    for (const env of unrelated) {
      const res = await related([], { EMBEDDINGS_BASE_URL: '', ...env });
      expect(res.stderr, JSON.stringify(env)).toBe('');
      expect(res.code).toBe(0);
      expect(JSON.parse(res.stdout)).toEqual({ groups: SINGLETONS });
    }
  });

  it('with the endpoint in the --config file, an unrelated bad setting does not matter either', async () => {
    const config = join(tmp, 'config.json');
    writeFileSync(
      config,
      JSON.stringify({
        EMBEDDINGS_BASE_URL: `${fake.origin}/v1`,
        EMBEDDINGS_MODEL: 'fake-embed',
        LLM_MAX_CHUNK_TOKENS: 'abc',
        NOT_AN_OPTION: 1,
      }),
    );
    // Feed limits and the private-network switch are not the embeddings client's settings either.
    const env = {
      PODBRIEF_CONFIG: '',
      EMBEDDINGS_BASE_URL: '',
      EMBEDDINGS_MODEL: '',
      DATABASE_URL: 'mysql://x',
      FEED_MAX_BYTES: '-1',
      ALLOW_PRIVATE_NETWORKS: 'maybe',
    };
    const res = await invokeCli(['--config', config, 'related', file, '--json'], env);
    expect(res.stderr).toBe('');
    expect(JSON.parse(res.stdout)).toEqual({
      groups: [
        ['kitten', 'feline'],
        [7, 'automobile'],
      ],
    });
  });

  // Env is built lazily: the fake server's port is known only once it is up. No retries: they would wait for real.
  const failing = (path: string) => ({ ...endpoint(path), EMBEDDINGS_MAX_RETRIES: '0' });
  const failures: Array<[string, string[], () => Record<string, string>, RegExp]> = [
    ['HTTP 429', [], () => failing('/rate-limited/v1'), /HTTP 429 \(rate_limit_error: .*retry after 7 s\)/],
    ['HTTP 500', [], () => failing('/broken/v1'), /HTTP 500 \(server_error: /],
    ['malformed JSON', [], () => endpoint('/malformed/v1'), /did not answer with JSON/],
    [
      'a timeout',
      [],
      () => ({ ...failing('/slow/v1'), FETCH_TIMEOUT_SECONDS: '1', FETCH_CONNECT_TIMEOUT_SECONDS: '1' }),
      /no complete response within 1000 ms/,
    ],
    ['no model', [], () => ({ ...endpoint('/v1'), EMBEDDINGS_MODEL: '' }), /EMBEDDINGS_MODEL is required/],
    [
      'bad EMBEDDINGS_MAX_RETRIES',
      [],
      () => ({ ...endpoint('/v1'), EMBEDDINGS_MAX_RETRIES: 'abc' }),
      /^podbrief: Invalid configuration: EMBEDDINGS_MAX_RETRIES="abc" \(environment\): expected an integer from 0 to 10$/m,
    ],
    [
      'bad EMBEDDINGS_BASE_URL',
      [],
      () => ({ EMBEDDINGS_BASE_URL: 'ftp://x', EMBEDDINGS_MODEL: 'm' }),
      /Invalid configuration: EMBEDDINGS_BASE_URL="ftp:\/\/x" \(environment\): expected empty or a http:\/\/ or https:\/\/ URL/,
    ],
    [
      'bad fetch timeouts with an endpoint',
      [],
      () => ({ ...endpoint('/v1'), FETCH_TIMEOUT_SECONDS: '5', FETCH_CONNECT_TIMEOUT_SECONDS: '10' }),
      /Invalid configuration: FETCH_CONNECT_TIMEOUT_SECONDS \(10\) must not exceed/,
    ],
    [
      '--threshold 1',
      ['--threshold', '1'],
      () => ({ EMBEDDINGS_BASE_URL: '' }),
      /--threshold must be a number greater than 0 and less than 1, got "1"/,
    ],
    [
      '--threshold abc',
      ['--threshold', 'abc'],
      () => ({ EMBEDDINGS_BASE_URL: '' }),
      /--threshold must be .* got "abc"/,
    ],
  ];
  it.each(failures)('%s: exit 1, one line on stderr, nothing on stdout', async (_name, args, env, message) => {
    const res = await related(args, env());
    expect(res.code).toBe(1);
    expect(res.stdout).toBe('');
    expect(res.stderr.trim().split('\n'), res.stderr).toHaveLength(1);
    expect(res.stderr).toMatch(/^podbrief: /);
    expect(res.stderr).toMatch(message);
  });
});
