import type { z } from 'zod';
import {
  boolean,
  bytes,
  databaseUrl,
  directory,
  httpUrl,
  integer,
  mailbox,
  oneOf,
  optionalText,
  optionalUrl,
  text,
  timezone,
  type OptionType,
} from './option-types.js';

export interface OptionSpec<T = unknown> {
  /** Environment variable, also the key in the JSON config file. */
  env: string;
  type: OptionType<T>;
  /** Raw default, parsed by `type` like any other value. */
  default: string;
  doc: string;
  /** Never shown; may also be read from the file named by `<env>_FILE`. */
  secret?: boolean;
}

function option<T>(spec: OptionSpec<T>): OptionSpec<T> {
  return spec;
}

/** setTimeout overflows past ~24.8 days; a week is far beyond any sane poll interval. */
const WEEK_MINUTES = 7 * 24 * 60;

/** Speech-to-text engines ASR_ENGINE can name (declared before the table, which uses them). */
export const ASR_ENGINES = ['api', 'whisper-server', 'whisper'] as const;
export type AsrEngineName = (typeof ASR_ENGINES)[number];

/** Every setting Podbrief reads, in the order the docs list them. */
export const options = {
  dataDir: option({
    env: 'DATA_DIR',
    type: directory(),
    default: './data',
    doc: 'Folder for the SQLite database, the outbox and the generated secret key; relative to the working directory.',
  }),
  databaseUrl: option({
    env: 'DATABASE_URL',
    type: databaseUrl(),
    default: '',
    secret: true,
    doc: 'Empty: SQLite at DATA_DIR/podbrief.db. Or `postgres://user:pass@host/db`, `sqlite:<path>` or a file path.',
  }),
  databaseConnectTimeoutSeconds: option({
    env: 'DATABASE_CONNECT_TIMEOUT_SECONDS',
    type: integer(1, 300),
    default: '10',
    doc: 'PostgreSQL: how long opening a connection (or waiting for a free one in the pool of 10) may take before the call fails.',
  }),
  databaseStatementTimeoutSeconds: option({
    env: 'DATABASE_STATEMENT_TIMEOUT_SECONDS',
    type: integer(1, 3600),
    default: '60',
    doc: 'PostgreSQL: the server cancels a statement running longer (`statement_timeout`); the client gives up 5 s later when no answer comes at all (a half-open connection), and drops that connection.',
  }),
  databaseIdleInTransactionTimeoutSeconds: option({
    env: 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS',
    type: integer(1, 3600),
    default: '60',
    doc: 'PostgreSQL: the server ends a session left idle inside a transaction this long (`idle_in_transaction_session_timeout`), releasing its locks.',
  }),
  smtpUrl: option({
    env: 'SMTP_URL',
    type: optionalUrl(['smtp:', 'smtps:']),
    default: '',
    secret: true,
    doc: 'Empty: briefs are written as .eml files to DATA_DIR/outbox. Or `smtp://user:pass@host:587` / `smtps://…:465`.',
  }),
  mailFrom: option({
    env: 'MAIL_FROM',
    type: mailbox(),
    default: 'Podbrief <brief@podbrief.localhost>',
    doc: 'From address of the brief emails.',
  }),
  smtpTimeoutSeconds: option({
    env: 'SMTP_TIMEOUT_SECONDS',
    type: integer(1, 300),
    default: '15',
    doc: 'Connect, greeting and idle-socket timeout of one SMTP conversation. After 3 connection failures or timeouts in a row, a send run stops trying (the rest stay queued).',
  }),
  smtpMaxConnections: option({
    env: 'SMTP_MAX_CONNECTIONS',
    type: integer(1, 100),
    default: '5',
    doc: 'SMTP connections a process keeps open to the mail server, each reused for up to 1,000 messages (RCPT TO pipelined when the server offers PIPELINING). 1: one message at a time.',
  }),
  smtpRatePerSecond: option({
    env: 'SMTP_RATE_PER_SECOND',
    type: integer(0, 100_000),
    default: '0',
    doc: 'At most this many messages a second (what a relay or provider allows), over all processes sharing the database (PostgreSQL); 0: no limit.',
  }),
  sendConcurrency: option({
    env: 'SEND_CONCURRENCY',
    type: integer(1, 1000),
    default: '128',
    doc: 'Briefs a send run composes and sends at the same time; the store writes of those in flight are committed together (a commit every 50 ms or so instead of three per brief). 1: one subscriber after another.',
  }),
  dkimDomain: option({
    env: 'DKIM_DOMAIN',
    type: optionalText(),
    default: '',
    doc: 'Domain that DKIM-signs the brief emails (`d=`), normally the MAIL_FROM domain. Set with DKIM_SELECTOR and DKIM_PRIVATE_KEY, or leave all three empty.',
  }),
  dkimSelector: option({
    env: 'DKIM_SELECTOR',
    type: optionalText(),
    default: '',
    doc: 'DKIM selector (`s=`): the public key is published as a TXT record at `<selector>._domainkey.<domain>`.',
  }),
  dkimPrivateKey: option({
    env: 'DKIM_PRIVATE_KEY',
    type: optionalText(),
    default: '',
    secret: true,
    doc: 'PEM RSA private key that signs every outgoing mail (see docs/DEPLOY.md, "Mail"); usually given as DKIM_PRIVATE_KEY_FILE.',
  }),
  publicUrl: option({
    env: 'PUBLIC_URL',
    type: httpUrl(),
    default: 'http://localhost:8080',
    doc: 'Base URL of the web page, used in unsubscribe and brief links.',
  }),
  host: option({
    env: 'HOST',
    type: text('a host name or address'),
    default: '127.0.0.1',
    doc: 'Address the web server binds to (0.0.0.0 for all interfaces).',
  }),
  port: option({
    env: 'PORT',
    type: integer(0, 65535),
    default: '8080',
    doc: 'Port the web server listens on (0 picks a free one).',
  }),
  secretKey: option({
    env: 'SECRET_KEY',
    type: secretKey(),
    default: '',
    secret: true,
    doc: 'Signs unsubscribe links and seals stored feed credentials (16+ characters). Empty: generated once and kept in DATA_DIR/secret.key.',
  }),
  secretKeyPrevious: option({
    env: 'SECRET_KEY_PREVIOUS',
    type: secretKey(),
    default: '',
    secret: true,
    doc: 'The key SECRET_KEY replaced: links it signed stay valid and feed credentials it sealed still open (and are sealed again with SECRET_KEY) while it is set. Remove it after the grace period.',
  }),
  adminToken: option({
    env: 'ADMIN_TOKEN',
    type: secretKey(),
    default: '',
    secret: true,
    doc: 'Password of the operator pages at /admin (HTTP Basic auth, any user name; 16+ characters). Empty: /admin is disabled (404).',
  }),
  metricsToken: option({
    env: 'METRICS_TOKEN',
    type: secretKey(),
    default: '',
    secret: true,
    doc: 'Bearer token a Prometheus scraper sends to GET /metrics (16+ characters); ADMIN_TOKEN is accepted too. Both empty: /metrics answers only requests from the machine itself (loopback, not through a proxy).',
  }),
  metricsStoreCacheSeconds: option({
    env: 'METRICS_STORE_CACHE_SECONDS',
    type: integer(0, 300),
    default: '5',
    doc: 'How long /metrics reuses the database totals it read (one GROUP BY per table), so frequent scrapes (several Prometheus replicas, a dashboard refreshing every second) do not each query the database. 0: read on every scrape.',
  }),
  metricsPort: option({
    env: 'METRICS_PORT',
    type: integer(0, 65535),
    default: '0',
    doc: "Port on which `podbrief worker` serves /healthz, /readyz and /metrics (bound to HOST), so each worker's job counters can be scraped. 0: none (a process with the web role serves them on PORT).",
  }),
  trustProxy: option({
    env: 'TRUST_PROXY',
    type: boolean(),
    default: 'false',
    doc: 'Behind a reverse proxy: take the client address from X-Forwarded-For and the scheme from X-Forwarded-Proto (rate limits, HSTS, Secure cookies). Leave false when clients reach Podbrief directly.',
  }),
  allowPrivateNetworks: option({
    env: 'ALLOW_PRIVATE_NETWORKS',
    type: boolean(),
    default: 'false',
    doc: 'Allow fetching feeds and transcripts from private or loopback addresses (self-hosted feeds, the demo).',
  }),
  userAgent: option({
    env: 'USER_AGENT',
    type: text(),
    default: 'Podbrief/0.1',
    doc: 'User-Agent sent with every fetch (CONTACT_URL is appended to it).',
  }),
  contactUrl: option({
    env: 'CONTACT_URL',
    type: optionalUrl(['http:', 'https:', 'mailto:']),
    default: '',
    doc: 'Where feed hosts can reach the operator, appended to the User-Agent: `Podbrief/0.1 (+https://…)`. Polite; empty: none.',
  }),
  fetchTimeoutSeconds: option({
    env: 'FETCH_TIMEOUT_SECONDS',
    type: integer(1, 3600),
    default: '30',
    doc: 'Whole-request timeout for one download.',
  }),
  fetchConnectTimeoutSeconds: option({
    env: 'FETCH_CONNECT_TIMEOUT_SECONDS',
    type: integer(1, 600),
    default: '10',
    doc: 'Timeout for establishing a connection; at most FETCH_TIMEOUT_SECONDS.',
  }),
  feedMaxBytes: option({
    env: 'FEED_MAX_BYTES',
    type: bytes(1024),
    default: '20MiB',
    doc: 'Largest feed body accepted (bytes; KiB/MiB/GiB suffixes allowed).',
  }),
  transcriptMaxBytes: option({
    env: 'TRANSCRIPT_MAX_BYTES',
    type: bytes(1024),
    default: '10MiB',
    doc: 'Largest transcript body accepted (bytes; KiB/MiB/GiB suffixes allowed).',
  }),
  // Speech-to-text for episodes that publish no transcript (src/transcripts/asr).
  asrEngine: option({
    env: 'ASR_ENGINE',
    type: asrEngines(),
    default: 'none',
    doc: '`none`: no speech-to-text (episodes without a published transcript use their show notes). Or `api`, `whisper-server`, `whisper` (in-process), several comma-separated in the order to try them.',
  }),
  asrBaseUrl: option({
    env: 'ASR_BASE_URL',
    type: httpUrl(),
    default: 'https://api.openai.com/v1',
    doc: 'OpenAI-compatible transcription API (`POST <url>/audio/transcriptions`): OpenAI, Groq, speaches, LocalAI.',
  }),
  asrModel: option({
    env: 'ASR_MODEL',
    type: text(),
    default: 'whisper-1',
    doc: 'Model name sent to the transcription API, e.g. `whisper-1` or `whisper-large-v3-turbo`.',
  }),
  asrApiKey: option({
    env: 'ASR_API_KEY',
    type: optionalText(),
    default: '',
    secret: true,
    doc: 'Bearer token for the transcription API; may be empty for self-hosted servers.',
  }),
  asrPricePerMinuteUsd: option({
    env: 'ASR_PRICE_PER_MINUTE_USD',
    type: decimal(0, 100),
    default: '0.006',
    doc: 'USD per audio minute the API charges, for cost records and the daily budget (0 for self-hosted).',
  }),
  asrUploadMaxBytes: option({
    env: 'ASR_UPLOAD_MAX_BYTES',
    type: bytes(1024 * 1024),
    default: '25MiB',
    doc: 'Largest file the API accepts in one request; longer audio is sent in overlapping chunks below it.',
  }),
  whisperServerUrl: option({
    env: 'WHISPER_SERVER_URL',
    type: optionalUrl(['http:', 'https:']),
    default: '',
    doc: 'A whisper.cpp server (`POST <url>/inference`), for ASR_ENGINE=whisper-server, e.g. http://127.0.0.1:8080.',
  }),
  whisperModel: option({
    env: 'WHISPER_MODEL',
    type: text(),
    default: 'base.en',
    doc: 'ggml model of the in-process engine: DATA_DIR/models/ggml-<name>.bin, fetched once with `podbrief models download <name>`.',
  }),
  whisperModelPath: option({
    env: 'WHISPER_MODEL_PATH',
    type: optionalText(),
    default: '',
    doc: 'A ggml model file you already have; overrides WHISPER_MODEL.',
  }),
  whisperModelBaseUrl: option({
    env: 'WHISPER_MODEL_BASE_URL',
    type: httpUrl(),
    default: 'https://huggingface.co/ggerganov/whisper.cpp/resolve/main',
    doc: 'Where `podbrief models download` fetches `ggml-<name>.bin` from (a mirror of the standard ggml model host).',
  }),
  whisperThreads: option({
    env: 'WHISPER_THREADS',
    type: integer(1, 64),
    default: '2',
    doc: 'CPU threads of the in-process engine.',
  }),
  asrMaxAudioBytes: option({
    env: 'ASR_MAX_AUDIO_BYTES',
    type: bytes(1024 * 1024),
    default: '500MiB',
    doc: 'Largest episode audio file downloaded for speech-to-text.',
  }),
  asrMaxDurationMinutes: option({
    env: 'ASR_MAX_DURATION_MINUTES',
    type: integer(1, 24 * 60),
    default: '240',
    doc: "Longer episodes (by the feed's itunes:duration, then ffprobe) are not transcribed.",
  }),
  asrDailyBudgetUsd: option({
    env: 'ASR_DAILY_BUDGET_USD',
    type: decimal(0, 1_000_000),
    default: '1.00',
    doc: "No paid transcription starts once today's (UTC) recorded cost plus its estimate would exceed this; episodes fall back to their show notes.",
  }),
  asrChunkMinutes: option({
    env: 'ASR_CHUNK_MINUTES',
    type: integer(1, 60),
    default: '10',
    doc: 'Audio is transcribed in chunks of at most this length (shorter when the upload limit demands).',
  }),
  asrChunkOverlapSeconds: option({
    env: 'ASR_CHUNK_OVERLAP_SECONDS',
    type: integer(0, 60),
    default: '5',
    doc: 'Overlap between neighbouring chunks, so no word is cut at a boundary.',
  }),
  asrTimeoutSeconds: option({
    env: 'ASR_TIMEOUT_SECONDS',
    type: integer(5, 24 * 3600),
    default: '900',
    doc: "Deadline for one chunk: one API or server request; the in-process engine's watchdog allows at least 4× the chunk's length.",
  }),
  ffmpegPath: option({
    env: 'FFMPEG_PATH',
    type: optionalText(),
    default: '',
    doc: 'ffmpeg executable used to decode audio; empty: `ffmpeg` on PATH, else the one the npm package @ffmpeg-installer/ffmpeg ships (`podbrief status` shows which).',
  }),
  ffprobePath: option({
    env: 'FFPROBE_PATH',
    type: optionalText(),
    default: '',
    doc: 'ffprobe executable used to read audio durations; empty: `ffprobe` on PATH, else the one from @ffprobe-installer/ffprobe.',
  }),
  pollIntervalMinutes: option({
    env: 'POLL_INTERVAL_MINUTES',
    type: integer(1, WEEK_MINUTES),
    default: '60',
    doc: 'Time between two polls of a feed that shows no publishing rhythm (fewer than three dated episodes); others are polled about 8 times per median gap between their recent episodes.',
  }),
  pollMinIntervalMinutes: option({
    env: 'POLL_MIN_INTERVAL_MINUTES',
    type: integer(1, WEEK_MINUTES),
    default: '15',
    doc: 'Never poll a feed more often than this, whatever it asks.',
  }),
  pollMaxIntervalMinutes: option({
    env: 'POLL_MAX_INTERVAL_MINUTES',
    type: integer(1, WEEK_MINUTES),
    default: '1440',
    doc: 'Poll every feed at least this often, even when it backs off.',
  }),
  pollJitterPercent: option({
    env: 'POLL_JITTER_PERCENT',
    type: integer(0, 50),
    default: '10',
    doc: 'Each next poll time moves by up to this share of its interval, either way (within the min and max), so feeds added together do not all fire together.',
  }),
  pollPauseAfterFailures: option({
    env: 'POLL_PAUSE_AFTER_FAILURES',
    type: integer(1, 1000),
    default: '8',
    doc: 'Consecutive failed polls (each doubling the wait) after which a feed is shown as paused; it is still tried every POLL_MAX_INTERVAL_MINUTES and resumes when a poll succeeds, or at once with `podbrief feeds refresh <id>`.',
  }),
  pollUnconditionalHours: option({
    env: 'POLL_UNCONDITIONAL_HOURS',
    type: integer(0, 24 * 365),
    default: '24',
    doc: 'Fetch a feed without If-None-Match / If-Modified-Since when its body has not come back for this long, to catch servers that answer 304 forever; 0: never.',
  }),
  pollConcurrency: option({
    env: 'POLL_CONCURRENCY',
    type: integer(1, 64),
    default: '4',
    doc: 'Feeds fetched at the same time.',
  }),
  pollPerHostConcurrency: option({
    env: 'POLL_PER_HOST_CONCURRENCY',
    type: integer(1, 64),
    default: '2',
    doc: 'Feeds fetched at the same time from any one host (many shows on one hosting service are polled politely).',
  }),
  schedulerIntervalSeconds: option({
    env: 'SCHEDULER_INTERVAL_SECONDS',
    type: integer(1, 3600),
    default: '60',
    doc: 'Seconds between scheduler ticks (poll due feeds, process new episodes, send due briefs; with PostgreSQL: enqueue them as jobs).',
  }),
  schedulerFailoverSeconds: option({
    env: 'SCHEDULER_FAILOVER_SECONDS',
    type: integer(1, 600),
    default: '10',
    doc: 'With PostgreSQL: how often a standby scheduler tries to take over (one scheduler acts at a time, holding an advisory lock).',
  }),
  queueSchema: option({
    env: 'QUEUE_SCHEMA',
    type: text('a PostgreSQL schema name'),
    default: 'pgboss',
    doc: 'With PostgreSQL: the schema of the job queue (pg-boss), created on first start.',
  }),
  queuePollingIntervalSeconds: option({
    env: 'QUEUE_POLLING_INTERVAL_SECONDS',
    type: integer(1, 60),
    default: '2',
    doc: 'With PostgreSQL: how often an idle worker looks for jobs when no notification woke it.',
  }),
  queueHeartbeatSeconds: option({
    env: 'QUEUE_HEARTBEAT_SECONDS',
    type: integer(10, 3600),
    default: '30',
    doc: 'With PostgreSQL: a running job not heard from for this long (its worker died) is retried on another worker.',
  }),
  queueMonitorIntervalSeconds: option({
    env: 'QUEUE_MONITOR_INTERVAL_SECONDS',
    type: integer(1, 3600),
    default: '10',
    doc: 'With PostgreSQL: how often the queue looks for jobs whose worker stopped sending heartbeats, and refreshes the queue depths workers read.',
  }),
  workerPollFeedConcurrency: option({
    env: 'WORKER_POLL_FEED_CONCURRENCY',
    type: integer(1, 256),
    default: '8',
    doc: 'With PostgreSQL: poll-feed jobs one worker process runs at once (POLL_PER_HOST_CONCURRENCY still holds per host across all workers).',
  }),
  workerProcessEpisodeConcurrency: option({
    env: 'WORKER_PROCESS_EPISODE_CONCURRENCY',
    type: integer(1, 64),
    default: '2',
    doc: 'With PostgreSQL: process-episode jobs (transcript + extraction) one worker process runs at once; mostly CPU, but each also waits on the transcript host and the database, which a second one fills.',
  }),
  workerSendBriefConcurrency: option({
    env: 'WORKER_SEND_BRIEF_CONCURRENCY',
    type: integer(1, 256),
    default: '4',
    doc: 'With PostgreSQL: send-brief jobs one worker process runs at once.',
  }),
  workerStopTimeoutSeconds: option({
    env: 'WORKER_STOP_TIMEOUT_SECONDS',
    type: integer(1, 3600),
    default: '30',
    doc: 'On SIGTERM a worker takes no new jobs and waits this long for running ones; those still running are retried elsewhere.',
  }),
  maxItemsPerPoll: option({
    env: 'MAX_ITEMS_PER_POLL',
    type: integer(1, 10000),
    default: '100',
    doc: 'Newest episodes considered per feed and poll.',
  }),
  firstPollEpisodes: option({
    env: 'FIRST_POLL_EPISODES',
    type: integer(1, 10000),
    default: '20',
    doc: 'Newest episodes taken from a feed the first time it is polled (its back catalogue is not news); at most MAX_ITEMS_PER_POLL.',
  }),
  maxEpisodesPerRun: option({
    env: 'MAX_EPISODES_PER_RUN',
    type: integer(1, 100000),
    default: '500',
    doc: 'Episodes transcribed and extracted per processing run, taken in turn from each feed, newest first.',
  }),
  briefSize: option({
    env: 'BRIEF_SIZE',
    type: integer(1, 50),
    default: '5',
    doc: 'Insights per daily brief.',
  }),
  relatedPerInsight: option({
    env: 'RELATED_PER_INSIGHT',
    type: integer(0, 20),
    default: '3',
    doc: 'Related insights from other podcasts shown under each one.',
  }),
  insightsPerEpisode: option({
    env: 'INSIGHTS_PER_EPISODE',
    type: integer(1, 100),
    default: '8',
    doc: 'Insights extracted from one episode.',
  }),
  defaultTimezone: option({
    env: 'DEFAULT_TIMEZONE',
    type: timezone(),
    default: 'UTC',
    doc: 'Time zone of new subscribers who do not pick one.',
  }),
  defaultDeliveryHour: option({
    env: 'DEFAULT_DELIVERY_HOUR',
    type: integer(0, 23),
    default: '7',
    doc: 'Local hour (0-23) the brief goes out for new subscribers.',
  }),
  insightEngine: option({
    env: 'INSIGHT_ENGINE',
    type: oneOf(['embedded', 'llm']),
    default: 'embedded',
    doc: '`embedded` (local, no network) or `llm`.',
  }),
  logLevel: option({
    env: 'LOG_LEVEL',
    type: oneOf(['debug', 'info', 'warn', 'error', 'silent']),
    default: 'info',
    doc: 'debug, info, warn, error or silent.',
  }),
  logFormat: option({
    env: 'LOG_FORMAT',
    type: oneOf(['text', 'json']),
    default: 'text',
    doc: 'text: one `level msg key=value` line per event on stderr; json: one JSON object per line (`level`, `time`, `msg`, then fields such as `reqId` or `job`), for a log collector.',
  }),
  // LLM insight engine (INSIGHT_ENGINE=llm); cross-checked in config/llm-checks.ts.
  llmProvider: option({
    env: 'LLM_PROVIDER',
    type: oneOf(['openai', 'anthropic']),
    default: 'openai',
    doc: '`openai` (any OpenAI-compatible Chat Completions API: OpenAI, DeepSeek, Qwen, Kimi, Ollama, vLLM, llama.cpp) or `anthropic` (Messages API).',
  }),
  llmBaseUrl: option({
    env: 'LLM_BASE_URL',
    type: optionalUrl(['http:', 'https:']),
    default: '',
    doc: 'API base URL. Empty: https://api.openai.com/v1 (openai) or https://api.anthropic.com (anthropic); e.g. http://127.0.0.1:11434/v1 for Ollama.',
  }),
  llmModel: option({
    env: 'LLM_MODEL',
    type: optionalText(),
    default: '',
    doc: 'Model name, e.g. `gpt-4o-mini`, `claude-sonnet-4-5`, `deepseek-chat`, `llama3.1`. Required when INSIGHT_ENGINE=llm.',
  }),
  llmApiKey: option({
    env: 'LLM_API_KEY',
    type: optionalText(),
    default: '',
    secret: true,
    doc: 'API key (Bearer token for openai, x-api-key for anthropic); may be empty for self-hosted servers.',
  }),
  llmTimeoutSeconds: option({
    env: 'LLM_TIMEOUT_SECONDS',
    type: integer(1, 120),
    default: '60',
    doc: 'Deadline of one LLM call, connect to last byte.',
  }),
  llmMaxRetries: option({
    env: 'LLM_MAX_RETRIES',
    type: integer(0, 10),
    default: '2',
    doc: 'Retries of a call after 429, 5xx, 529 or a timeout (backoff with jitter, Retry-After honoured up to 60 s).',
  }),
  llmDailyBudgetUsd: option({
    env: 'LLM_DAILY_BUDGET_USD',
    type: decimal(0, 1_000_000),
    default: '1.00',
    doc: "No LLM call starts once today's (UTC) recorded cost plus its estimate would exceed this; episodes fall back to the embedded engine. Moot when both prices are 0.",
  }),
  llmPriceInputPerMtok: option({
    env: 'LLM_PRICE_INPUT_PER_MTOK',
    type: decimal(0, 10_000),
    default: '0',
    doc: 'USD per million input tokens, for cost records and the daily budget (0 for self-hosted).',
  }),
  llmPriceOutputPerMtok: option({
    env: 'LLM_PRICE_OUTPUT_PER_MTOK',
    type: decimal(0, 10_000),
    default: '0',
    doc: 'USD per million output tokens (0 for self-hosted).',
  }),
  llmMaxChunkTokens: option({
    env: 'LLM_MAX_CHUNK_TOKENS',
    type: integer(500, 1_000_000),
    default: '12000',
    doc: 'Longest transcript piece sent in one call (tokens ≈ characters / 4); longer transcripts are split with overlap.',
  }),
  embeddingsBaseUrl: option({
    env: 'EMBEDDINGS_BASE_URL',
    type: optionalUrl(['http:', 'https:']),
    default: '',
    doc: 'Optional OpenAI-compatible embeddings API (`POST <url>/embeddings`), e.g. http://127.0.0.1:11434/v1 for Ollama; used for related insights, near-duplicates and the theme groups of `podbrief related` (unless `--lexical`). Empty: the embedded lexical similarity only.',
  }),
  embeddingsModel: option({
    env: 'EMBEDDINGS_MODEL',
    type: optionalText(),
    default: '',
    doc: 'Embedding model name, e.g. `text-embedding-3-small` or `nomic-embed-text`. Required when EMBEDDINGS_BASE_URL is set.',
  }),
  embeddingsApiKey: option({
    env: 'EMBEDDINGS_API_KEY',
    type: optionalText(),
    default: '',
    secret: true,
    doc: 'Bearer token for the embeddings API; may be empty for self-hosted servers.',
  }),
  embeddingsMaxRetries: option({
    env: 'EMBEDDINGS_MAX_RETRIES',
    type: integer(0, 10),
    default: '3',
    doc: 'Retries of an embeddings request after 408/409/429/5xx/529, a timeout or a dropped connection (backoff with jitter, Retry-After honoured up to 30 s; a longer one fails at once).',
  }),
  itunesSearchUrl: option({
    env: 'ITUNES_SEARCH_URL',
    type: httpUrl(),
    default: 'https://itunes.apple.com/search',
    doc: 'iTunes Search API endpoint of `podbrief feeds search` (no key needed); change it only for a mirror or a test server.',
  }),
  podcastIndexApiUrl: option({
    env: 'PODCASTINDEX_API_URL',
    type: httpUrl(),
    default: 'https://api.podcastindex.org/api/1.0',
    doc: 'Podcast Index API base of `podbrief feeds search` (`<url>/search/byterm`); change it only for a mirror or a test server.',
  }),
  podcastIndexApiKey: option({
    env: 'PODCASTINDEX_API_KEY',
    type: optionalText(),
    default: '',
    secret: true,
    doc: 'Podcast Index API key (free at api.podcastindex.org); with PODCASTINDEX_API_SECRET, `feeds search` also asks Podcast Index. Empty: iTunes only.',
  }),
  podcastIndexApiSecret: option({
    env: 'PODCASTINDEX_API_SECRET',
    type: optionalText(),
    default: '',
    secret: true,
    doc: 'Podcast Index API secret, paired with PODCASTINDEX_API_KEY.',
  }),
} as const;

export type OptionKey = keyof typeof options;

export type Config = { [K in OptionKey]: z.output<(typeof options)[K]['type']> };

function secretKey(): OptionType<string> {
  return optionalText().refine((v) => v === '' || v.length >= 16, {
    error: 'expected empty or at least 16 characters',
  });
}

/** A plain non-negative decimal such as `1.50` (no exponent, no sign). */
function decimal(min: number, max: number): OptionType<number> {
  const error = `expected a number from ${min} to ${max}, e.g. 1.50`;
  return text(`a number such as 1.50`)
    .refine((v) => /^\d+(\.\d+)?$/.test(v) && Number(v) >= min && Number(v) <= max, { error })
    .transform(Number);
}

/** `none`, or a comma-separated ladder of distinct engine names (parsed to the list, `none` to []). */
function asrEngines(): OptionType<AsrEngineName[]> {
  const error = `expected none, or one or more of ${ASR_ENGINES.join(', ')} separated by commas`;
  return text(error)
    .transform((v) => v.split(',').map((e) => e.trim().toLowerCase()))
    .refine(
      (list) =>
        (list.length === 1 && list[0] === 'none') ||
        (list.every((e) => (ASR_ENGINES as readonly string[]).includes(e)) && new Set(list).size === list.length),
      { error },
    )
    .transform((list) => list.filter((e): e is AsrEngineName => e !== 'none'));
}
