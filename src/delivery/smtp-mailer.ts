import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import { domainOf } from '../model/email-address.js';
import { smtpFailure } from './delivery-error.js';
import { dkimSettings, toMailOptions } from './mail-options.js';
import { fleetSendPace } from './fleet-send-pace.js';
import type { DkimOptions, Mailer, SendOptions, SendResult } from './mailer.js';
import type { SendSlotsStore } from './ports.js';
import type { RenderedEmail } from './rendered-email.js';
import { sendPace } from './send-pace.js';
import { noDelaySocket } from './smtp-socket.js';
import { parseSmtpUrl, type SmtpEndpoint } from './smtp-url.js';

export interface SmtpTimeouts {
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
}

/** How many connections and messages: see SMTP_MAX_CONNECTIONS and SMTP_RATE_PER_SECOND. */
export interface SmtpThroughput {
  /** Connections kept open and reused (unless the URL says `pool=false`). */
  maxConnections?: number;
  /** Messages a second over all connections; 0 or unset: no limit. */
  ratePerSecond?: number;
  /** When set, `ratePerSecond` holds across every process taking slots from this store, not per process. */
  sharedSlots?: SendSlotsStore;
}

export interface SmtpMailerOptions extends SmtpTimeouts, SmtpThroughput {
  /** `smtp://` or `smtps://`, credentials URL-encoded in the userinfo part. */
  url: string;
  dkim?: DkimOptions;
}

// nodemailer's defaults (2 min connect, 10 min socket) would hold a send slot far too long.
const DEFAULT_TIMEOUTS: Required<SmtpTimeouts> = {
  connectionTimeoutMs: 10_000,
  greetingTimeoutMs: 10_000,
  socketTimeoutMs: 60_000,
};

const DEFAULT_MAX_CONNECTIONS = 5;

export class SmtpMailer implements Mailer {
  readonly name = 'smtp';
  private readonly endpoint: SmtpEndpoint;
  private readonly transport: nodemailer.Transporter;
  private readonly pace: () => Promise<void>;
  /** Sends of one message that a 421 before its data may take: one per pooled connection, and a new one. */
  private readonly attempts: number;

  constructor(options: SmtpMailerOptions) {
    this.endpoint = parseSmtpUrl(options.url);
    const { host, port, secure, auth, requireTLS, pool } = this.endpoint;
    const connectionTimeout = options.connectionTimeoutMs ?? DEFAULT_TIMEOUTS.connectionTimeoutMs;
    const transportOptions: Omit<SMTPPool.Options, 'pool'> = {
      host,
      port,
      secure,
      auth,
      requireTLS,
      getSocket: noDelaySocket(host, port, connectionTimeout),
      connectionTimeout,
      greetingTimeout: options.greetingTimeoutMs ?? DEFAULT_TIMEOUTS.greetingTimeoutMs,
      socketTimeout: options.socketTimeoutMs ?? DEFAULT_TIMEOUTS.socketTimeoutMs,
      dkim: dkimSettings(options.dkim),
      disableFileAccess: true,
      disableUrlAccess: true,
    };
    // Always nodemailer's pool, so the connection cap holds; `pool=false` makes it a connection per message.
    const poolOptions: SMTPPool.Options = {
      ...transportOptions,
      pool: true,
      maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
      // Reconnect now and then: a relay may limit messages per connection.
      maxMessages: pool ? 1000 : 1,
    };
    this.transport = nodemailer.createTransport(poolOptions);
    this.attempts = poolOptions.maxConnections! + 1;
    // Not nodemailer's rateLimit: it resumes every waiting connection at once and let 9 through in
    // about a second at 4 a second.
    const rate = options.ratePerSecond ?? 0;
    this.pace = options.sharedSlots ? fleetSendPace(rate, options.sharedSlots) : sendPace(rate);
  }

  async send(email: RenderedEmail, opts: SendOptions): Promise<SendResult> {
    const mail = toMailOptions(email, opts.idempotencyKey);
    for (let attempt = 1; ; attempt++) {
      await this.pace();
      try {
        const info: { messageId?: string } = await this.transport.sendMail(mail);
        return { messageId: info.messageId ?? mail.messageId, location: null };
      } catch (err) {
        // A pooled connection the server timed out while it sat idle answers the next envelope with
        // 421 and closes: the message was never taken, so it goes again. The pool may hand it another
        // stale connection, each closing in turn, so it tries up to one more time than there are.
        if (attempt < this.attempts && closedBeforeMessage(err)) continue;
        throw smtpFailure(err, { recipientDomain: domainOf(email.to), server: this.endpoint.label });
      }
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

/** A 421 (closing) to MAIL FROM or RCPT TO: the server closed the connection before any message data. */
function closedBeforeMessage(err: unknown): boolean {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { responseCode?: unknown; command?: unknown };
  return e.responseCode === 421 && (e.command === 'MAIL FROM' || e.command === 'RCPT TO');
}
