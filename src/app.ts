import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dkimFromConfig, timeoutsAndAgent, type Config } from './config/index.js';
import { createMailer, type Mailer } from './delivery/index.js';
import { createLogger, type Logger, type LogLevel } from './logger.js';
import type { DirectorySearchOptions } from './feeds/index.js';
import { selectExtractor, type InsightEngine } from './insights/llm/index.js';
import type { FetchOptions } from './net/index.js';
import { embedderFromConfig, type Embedder } from './related/index.js';
import { createMetrics, createReadiness, type Metrics, type Readiness } from './ops/index.js';
import { openStore, type PostgresTimeouts } from './store/index.js';
import { createAsrLadder, type AsrRung } from './transcripts/asr/index.js';
import type { Store } from './store/types.js';

export interface App {
  config: Config;
  store: Store;
  mailer: Mailer;
  log: Logger;
  /** Prometheus metrics of this process (GET /metrics); jobs count into it. */
  metrics: Metrics;
  /** What GET /readyz checks: the database, and the job queue once one is started. */
  readiness: Readiness;
  /** Signs unsubscribe and feedback links. */
  secret: string;
  /** The keys a signed link may carry: `secret`, then SECRET_KEY_PREVIOUS during a rotation. */
  verifyKeys: readonly string[];
  /** What every brief email is rendered with: PUBLIC_URL links signed with `secret`, sent from MAIL_FROM. */
  briefEmailSettings(): { publicUrl: string; secret: string; from: string };
  outboxDir: string;
  fetchOptions(kind: 'feed' | 'transcript'): FetchOptions;
  /** Built on first use and kept, so what it learns (a server's JSON mode, the budget warning) lasts the run. */
  insightEngine(): InsightEngine;
  /** The embeddings client when EMBEDDINGS_BASE_URL is set; built on first use and kept. */
  embedder(): Embedder | undefined;
  /** The ASR_ENGINE ladder of speech-to-text engines; built on first use and kept. */
  asrLadder(): readonly AsrRung[];
  /** Episodes the LLM found nothing grounded in: the back-fill does not ask again while this process runs. */
  hopelessUpgrades: Set<number>;
  close(): Promise<void>;
}

/** The composition root: config → store → mailer → what each stage needs, passed explicitly. */
export async function createApp(config: Config, overrides: { log?: Logger } = {}): Promise<App> {
  const log = overrides.log ?? createLogger(config.logLevel as LogLevel, undefined, config.logFormat);
  mkdirSync(config.dataDir, { recursive: true });
  const secret = config.secretKey || loadOrCreateSecret(config.dataDir);
  const verifyKeys = [secret, ...(config.secretKeyPrevious ? [config.secretKeyPrevious] : [])];
  const store = await openStore({
    databaseUrl: config.databaseUrl || undefined,
    dataDir: config.dataDir,
    postgresTimeouts: postgresTimeoutsFrom(config),
    credentialKeys: verifyKeys,
  });
  const outboxDir = join(config.dataDir, 'outbox');
  const mailer = createMailer({
    smtpUrl: config.smtpUrl || undefined,
    outboxDir,
    smtpTimeouts: smtpTimeouts(config.smtpTimeoutSeconds),
    smtpThroughput: {
      maxConnections: config.smtpMaxConnections,
      ratePerSecond: config.smtpRatePerSecond,
      // Several processes send on one PostgreSQL database; SQLite has the one.
      sharedSlots: store.dialect === 'postgres' ? store : undefined,
    },
    dkim: dkimFromConfig(config),
  });
  const metrics = createMetrics();
  metrics.watchStore(store, config.metricsStoreCacheSeconds * 1000);
  const readiness = createReadiness();
  readiness.add('database', () => store.ping());
  const linkWarning = insecureLinksWarning(config);
  if (linkWarning) log.warn(linkWarning);
  return {
    config,
    store,
    mailer,
    log,
    metrics,
    readiness,
    secret,
    verifyKeys,
    briefEmailSettings: () => ({ publicUrl: config.publicUrl, secret, from: config.mailFrom }),
    outboxDir,
    fetchOptions: (kind) => fetchOptionsFrom(config, kind),
    insightEngine: builtOnce(() => selectExtractor(config, { store, log })),
    embedder: builtOnce(() => embedderFromConfig(config)),
    asrLadder: builtOnce(() => createAsrLadder(config)),
    hopelessUpgrades: new Set(),
    async close() {
      await mailer.close();
      await store.close();
    },
  };
}

/** Builds on the first call (a failed build is tried again on the next) and returns the same one after. */
function builtOnce<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

/** The DATABASE_*_TIMEOUT_SECONDS options, for the store and `podbrief migrate`. */
export function postgresTimeoutsFrom(config: Config): PostgresTimeouts {
  return {
    connectMs: config.databaseConnectTimeoutSeconds * 1000,
    statementMs: config.databaseStatementTimeoutSeconds * 1000,
    idleInTransactionMs: config.databaseIdleInTransactionTimeoutSeconds * 1000,
  };
}

/** One timeout for each stage of an SMTP conversation, so a stalled server costs seconds, not minutes. */
function smtpTimeouts(seconds: number) {
  const ms = seconds * 1000;
  return { connectionTimeoutMs: ms, greetingTimeoutMs: ms, socketTimeoutMs: ms };
}

/** Real mail going out with http:// unsubscribe and feedback links: said once, at start. */
function insecureLinksWarning(config: Pick<Config, 'smtpUrl' | 'publicUrl'>): string | undefined {
  if (!config.smtpUrl || new URL(config.publicUrl).protocol === 'https:') return undefined;
  return `PUBLIC_URL (${config.publicUrl}) is not https but SMTP_URL is set: emails go out with plain-http unsubscribe and feedback links; set PUBLIC_URL to the https address of the web server`;
}

/** The hardened HTTP client's settings for one kind of download. */
export function fetchOptionsFrom(config: Config, kind: 'feed' | 'transcript'): FetchOptions {
  return {
    ...timeoutsAndAgent(config),
    allowPrivateNetworks: config.allowPrivateNetworks,
    maxBytes: kind === 'feed' ? config.feedMaxBytes : config.transcriptMaxBytes,
  };
}

/** The directories `feeds search` asks: iTunes always, Podcast Index when its key and secret are both set. */
export function directorySearchOptionsFrom(config: Config, limit?: number): DirectorySearchOptions {
  const fetch: FetchOptions = {
    ...timeoutsAndAgent(config),
    allowPrivateNetworks: config.allowPrivateNetworks,
    maxBytes: 4 * 1024 * 1024,
  };
  return {
    itunes: { baseUrl: config.itunesSearchUrl, fetch },
    ...(config.podcastIndexApiKey &&
      config.podcastIndexApiSecret && {
        podcastIndex: {
          baseUrl: config.podcastIndexApiUrl,
          fetch,
          apiKey: config.podcastIndexApiKey,
          apiSecret: config.podcastIndexApiSecret,
          userAgent: fetch.userAgent ?? config.userAgent,
        },
      }),
    ...(limit !== undefined && { limit }),
  };
}

function loadOrCreateSecret(dataDir: string): string {
  const path = join(dataDir, 'secret.key');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, secret + '\n', { mode: 0o600, flag: 'wx' });
  return secret;
}
