import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../model/errors.js';
import { loadConfig, loadOptions } from './index.js';

function configError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podbrief-config-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const writeJson = async (name: string, value: unknown) => {
    const path = join(dir, name);
    await writeFile(path, JSON.stringify(value));
    return path;
  };

  it('loads every default from an empty environment', () => {
    expect(loadConfig({ env: {} })).toEqual({
      dataDir: resolve('data'),
      databaseUrl: '',
      databaseConnectTimeoutSeconds: 10,
      databaseStatementTimeoutSeconds: 60,
      databaseIdleInTransactionTimeoutSeconds: 60,
      smtpUrl: '',
      mailFrom: 'Podbrief <brief@podbrief.localhost>',
      smtpTimeoutSeconds: 15,
      smtpMaxConnections: 5,
      smtpRatePerSecond: 0,
      sendConcurrency: 128,
      dkimDomain: '',
      dkimSelector: '',
      dkimPrivateKey: '',
      publicUrl: 'http://localhost:8080',
      host: '127.0.0.1',
      port: 8080,
      secretKey: '',
      secretKeyPrevious: '',
      adminToken: '',
      metricsStoreCacheSeconds: 5,
      metricsPort: 0,
      metricsToken: '',
      trustProxy: false,
      allowPrivateNetworks: false,
      userAgent: 'Podbrief/0.1',
      fetchTimeoutSeconds: 30,
      fetchConnectTimeoutSeconds: 10,
      feedMaxBytes: 20 * 1024 * 1024,
      transcriptMaxBytes: 10 * 1024 * 1024,
      asrEngine: [],
      asrBaseUrl: 'https://api.openai.com/v1',
      asrModel: 'whisper-1',
      asrApiKey: '',
      asrPricePerMinuteUsd: 0.006,
      asrUploadMaxBytes: 25 * 1024 * 1024,
      whisperServerUrl: '',
      whisperModel: 'base.en',
      whisperModelPath: '',
      whisperModelBaseUrl: 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main',
      whisperThreads: 2,
      asrMaxAudioBytes: 500 * 1024 * 1024,
      asrMaxDurationMinutes: 240,
      asrDailyBudgetUsd: 1,
      asrChunkMinutes: 10,
      asrChunkOverlapSeconds: 5,
      asrTimeoutSeconds: 900,
      ffmpegPath: '',
      ffprobePath: '',
      pollIntervalMinutes: 60,
      pollMinIntervalMinutes: 15,
      pollMaxIntervalMinutes: 1440,
      pollJitterPercent: 10,
      pollPauseAfterFailures: 8,
      pollUnconditionalHours: 24,
      pollConcurrency: 4,
      pollPerHostConcurrency: 2,
      contactUrl: '',
      schedulerIntervalSeconds: 60,
      schedulerFailoverSeconds: 10,
      queueSchema: 'pgboss',
      queuePollingIntervalSeconds: 2,
      queueHeartbeatSeconds: 30,
      queueMonitorIntervalSeconds: 10,
      workerPollFeedConcurrency: 8,
      workerProcessEpisodeConcurrency: 2,
      workerSendBriefConcurrency: 4,
      workerStopTimeoutSeconds: 30,
      maxItemsPerPoll: 100,
      firstPollEpisodes: 20,
      maxEpisodesPerRun: 500,
      briefSize: 5,
      relatedPerInsight: 3,
      insightsPerEpisode: 8,
      defaultTimezone: 'UTC',
      defaultDeliveryHour: 7,
      insightEngine: 'embedded',
      logLevel: 'info',
      logFormat: 'text',
      llmProvider: 'openai',
      llmBaseUrl: '',
      llmModel: '',
      llmApiKey: '',
      llmTimeoutSeconds: 60,
      llmMaxRetries: 2,
      llmDailyBudgetUsd: 1,
      llmPriceInputPerMtok: 0,
      llmPriceOutputPerMtok: 0,
      llmMaxChunkTokens: 12000,
      embeddingsBaseUrl: '',
      embeddingsModel: '',
      embeddingsApiKey: '',
      embeddingsMaxRetries: 3,
      itunesSearchUrl: 'https://itunes.apple.com/search',
      podcastIndexApiUrl: 'https://api.podcastindex.org/api/1.0',
      podcastIndexApiKey: '',
      podcastIndexApiSecret: '',
    });
  });

  it('layers environment over config file over defaults', async () => {
    const file = await writeJson('podbrief.json', {
      PORT: 9000,
      BRIEF_SIZE: '7',
      LOG_LEVEL: 'debug',
      ALLOW_PRIVATE_NETWORKS: true,
    });
    const config = loadConfig({ env: { PORT: '9100', LOG_LEVEL: '' }, file });
    expect(config).toMatchObject({
      port: 9100,
      briefSize: 7,
      logLevel: 'debug',
      allowPrivateNetworks: true,
      pollConcurrency: 4,
    });
  });

  it('finds the config file through PODBRIEF_CONFIG, and opts.file wins over it', async () => {
    const a = await writeJson('a.json', { BRIEF_SIZE: 3 });
    const b = await writeJson('b.json', { BRIEF_SIZE: 4 });
    expect(loadConfig({ env: { PODBRIEF_CONFIG: a } }).briefSize).toBe(3);
    expect(loadConfig({ env: { PODBRIEF_CONFIG: a }, file: b }).briefSize).toBe(4);
  });

  it('parses booleans, byte sizes, URLs and paths', () => {
    for (const [raw, value] of [
      ['1', true],
      ['YES', true],
      ['true', true],
      ['0', false],
      ['no', false],
      ['False', false],
    ] as const) {
      expect(loadConfig({ env: { ALLOW_PRIVATE_NETWORKS: raw } }).allowPrivateNetworks).toBe(value);
    }
    const config = loadConfig({
      env: {
        FEED_MAX_BYTES: '5MiB',
        TRANSCRIPT_MAX_BYTES: '2048',
        PUBLIC_URL: 'https://brief.example.com/',
        DATA_DIR: 'var/podbrief',
        DATABASE_URL: 'postgres://u:p@db/podbrief',
        SMTP_URL: 'smtps://u:p@mail.example.com:465',
        DEFAULT_TIMEZONE: 'Europe/Berlin',
        INSIGHT_ENGINE: 'llm',
        LLM_MODEL: 'llama3.1',
        LLM_BASE_URL: 'http://127.0.0.1:11434/v1',
      },
    });
    expect(config).toMatchObject({
      feedMaxBytes: 5 * 1024 * 1024,
      transcriptMaxBytes: 2048,
      publicUrl: 'https://brief.example.com',
      dataDir: resolve(process.cwd(), 'var/podbrief'),
      databaseUrl: 'postgres://u:p@db/podbrief',
      smtpUrl: 'smtps://u:p@mail.example.com:465',
      defaultTimezone: 'Europe/Berlin',
      insightEngine: 'llm',
    });
  });

  it('lists every bad value in one invalid_config error, one per line', () => {
    const err = configError(() =>
      loadConfig({
        env: { PORT: 'abc', BRIEF_SIZE: '0', FEED_MAX_BYTES: '-1', LOG_LEVEL: 'loud', DEFAULT_TIMEZONE: 'Mars/Base' },
      }),
    );
    expect(err.code).toBe('invalid_config');
    const lines = err.message.split('\n').slice(1);
    expect(lines).toHaveLength(5);
    expect(err.message).toMatch(/^Invalid configuration \(5 problems\):/);
    expect(lines.find((l) => l.includes('PORT="abc"'))).toMatch(/environment.*integer from 0 to 65535/);
    expect(lines.find((l) => l.includes('BRIEF_SIZE="0"'))).toMatch(/integer from 1 to 50/);
    expect(lines.find((l) => l.includes('FEED_MAX_BYTES="-1"'))).toMatch(/byte count/);
    expect(lines.find((l) => l.includes('LOG_LEVEL="loud"'))).toMatch(/one of: debug, info, warn, error, silent/);
    expect(lines.find((l) => l.includes('DEFAULT_TIMEZONE'))).toMatch(/IANA time zone/);
  });

  it('names the config file as the source of a bad value there', async () => {
    const file = await writeJson('bad.json', { PORT: 70000, PUBLIC_URL: 'ftp://x', SMTP_URL: 'http://mail' });
    const err = configError(() => loadConfig({ env: {}, file }));
    expect(err.message).toContain(`PORT="70000" (config file ${file})`);
    expect(err.message).toContain('PUBLIC_URL="ftp://x"');
    expect(err.message).toContain('SMTP_URL=<hidden>');
    expect(err.message).not.toContain('http://mail');
  });

  it('checks options against each other', () => {
    const err = configError(() =>
      loadConfig({
        env: { POLL_MIN_INTERVAL_MINUTES: '90', FETCH_CONNECT_TIMEOUT_SECONDS: '60', FETCH_TIMEOUT_SECONDS: '30' },
      }),
    );
    expect(err.message.split('\n')).toHaveLength(3);
    expect(err.message).toContain('POLL_MIN_INTERVAL_MINUTES (90) <= POLL_INTERVAL_MINUTES (60)');
    expect(err.message).toContain('FETCH_CONNECT_TIMEOUT_SECONDS (60) must not exceed');
  });

  it('reads secrets from <NAME>_FILE without printing them', async () => {
    await writeFile(join(dir, 'smtp'), 'smtp://user:s3cret@mail.example.com:587\n');
    await writeFile(join(dir, 'key'), 'k'.repeat(32) + '\r\n');
    const fileConfig = await writeJson('c.json', { SECRET_KEY_FILE: join(dir, 'key') });
    const config = loadConfig({ env: { SMTP_URL_FILE: join(dir, 'smtp') }, file: fileConfig });
    expect(config.smtpUrl).toBe('smtp://user:s3cret@mail.example.com:587');
    expect(config.secretKey).toBe('k'.repeat(32));

    await writeFile(join(dir, 'short'), 'tooshort');
    const err = configError(() =>
      loadConfig({
        env: {
          SECRET_KEY_FILE: join(dir, 'short'),
          DATABASE_URL_FILE: join(dir, 'missing'),
          SMTP_URL: 'smtp://a:b@c',
          SMTP_URL_FILE: join(dir, 'smtp'),
        },
      }),
    );
    expect(err.message).toContain(`SECRET_KEY=<hidden> (environment, via SECRET_KEY_FILE)`);
    expect(err.message).not.toContain('tooshort');
    expect(err.message).toMatch(/DATABASE_URL_FILE=".*missing" \(environment\): cannot read the file/);
    expect(err.message).toContain('set either SMTP_URL or SMTP_URL_FILE, not both');
    expect(err.message).not.toContain('s3cret');
  });

  it('does not accept _FILE for options that are not secret', () => {
    expect(loadConfig({ env: { PORT_FILE: '/etc/passwd' } }).port).toBe(8080);
  });

  it('rejects unknown keys, bad JSON and non-scalar values in the config file', async () => {
    const unknown = await writeJson('unknown.json', { PROT: 8080, PORT_FILE: 'x', BRIEF_SIZE: [5] });
    const err = configError(() => loadConfig({ env: {}, file: unknown }));
    expect(err.message).toContain('PROT (config file');
    expect(err.message).toContain('PORT_FILE (config file');
    expect(err.message).toMatch(/BRIEF_SIZE \(config file .*\): expected a string, number or boolean/);

    await writeFile(join(dir, 'broken.json'), '{ "PORT": ');
    expect(configError(() => loadConfig({ env: {}, file: join(dir, 'broken.json') })).message).toMatch(
      /cannot be read as JSON/,
    );
    const array = await writeJson('array.json', [1]);
    expect(configError(() => loadConfig({ env: {}, file: array })).message).toMatch(/expected a JSON object/);
    expect(configError(() => loadConfig({ env: {}, file: join(dir, 'nope.json') })).code).toBe('invalid_config');
  });

  it('loadOptions reads and checks only the options asked for, on one line', async () => {
    const env = { DATABASE_URL: 'mysql://x', LLM_MAX_CHUNK_TOKENS: 'abc', EMBEDDINGS_MAX_RETRIES: '7' };
    expect(loadOptions(['embeddingsMaxRetries', 'embeddingsBaseUrl'], { env })).toEqual({
      embeddingsMaxRetries: 7,
      embeddingsBaseUrl: '',
    });
    const file = await writeJson('partly-bad.json', {
      PROT: 1,
      PORT: 'x',
      FETCH_TIMEOUT_SECONDS: 5,
      FETCH_CONNECT_TIMEOUT_SECONDS: 9,
    });
    expect(loadOptions(['userAgent'], { env: {}, file }).userAgent).toMatch(/Podbrief/);
    const err = configError(() =>
      loadOptions(['fetchTimeoutSeconds', 'fetchConnectTimeoutSeconds'], { env: {}, file }),
    );
    expect(err.message).toBe(
      'Invalid configuration: FETCH_CONNECT_TIMEOUT_SECONDS (9) must not exceed FETCH_TIMEOUT_SECONDS (5)',
    );
    const bad = configError(() =>
      loadOptions(['embeddingsMaxRetries'], { env: { EMBEDDINGS_MAX_RETRIES: 'abc', PORT: 'x' } }),
    );
    expect(bad.message).toBe(
      'Invalid configuration: EMBEDDINGS_MAX_RETRIES="abc" (environment): expected an integer from 0 to 10',
    );
    // A file that cannot be read might have held the option: that is not ignored.
    expect(configError(() => loadOptions(['userAgent'], { env: {}, file: join(dir, 'nope.json') })).message).toMatch(
      /^Invalid configuration: config file .*cannot be read as JSON/,
    );
  });
});
