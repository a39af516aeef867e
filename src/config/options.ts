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
    doc: 'Signs unsubscribe links (16+ characters). Empty: generated once and kept in DATA_DIR/secret.key.',
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
    doc: 'User-Agent sent with every fetch; adding a contact URL is polite to feed hosts.',
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
  pollIntervalMinutes: option({
    env: 'POLL_INTERVAL_MINUTES',
    type: integer(1, WEEK_MINUTES),
    default: '60',
    doc: 'Usual time between two polls of a feed.',
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
  pollConcurrency: option({
    env: 'POLL_CONCURRENCY',
    type: integer(1, 64),
    default: '4',
    doc: 'Feeds fetched at the same time.',
  }),
  maxItemsPerPoll: option({
    env: 'MAX_ITEMS_PER_POLL',
    type: integer(1, 10000),
    default: '100',
    doc: 'Newest episodes considered per feed and poll.',
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
} as const;

export type OptionKey = keyof typeof options;

export type Config = { [K in OptionKey]: z.output<(typeof options)[K]['type']> };

function secretKey(): OptionType<string> {
  return optionalText().refine((v) => v === '' || v.length >= 16, {
    error: 'expected empty or at least 16 characters',
  });
}
