import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool/index.js';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { domainOf } from '../model/email-address.js';
import { smtpFailure } from './delivery-error.js';
import { dkimSettings, toMailOptions } from './mail-options.js';
import type { DkimOptions, Mailer, SendOptions, SendResult } from './mailer.js';
import type { RenderedEmail } from './rendered-email.js';
import { parseSmtpUrl, type SmtpEndpoint } from './smtp-url.js';

export interface SmtpTimeouts {
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
}

export interface SmtpMailerOptions extends SmtpTimeouts {
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

export class SmtpMailer implements Mailer {
  readonly name = 'smtp';
  private readonly endpoint: SmtpEndpoint;
  private readonly transport: nodemailer.Transporter;

  constructor(options: SmtpMailerOptions) {
    this.endpoint = parseSmtpUrl(options.url);
    const { host, port, secure, auth, requireTLS, pool } = this.endpoint;
    const transportOptions: SMTPTransport.Options = {
      host,
      port,
      secure,
      auth,
      requireTLS,
      connectionTimeout: options.connectionTimeoutMs ?? DEFAULT_TIMEOUTS.connectionTimeoutMs,
      greetingTimeout: options.greetingTimeoutMs ?? DEFAULT_TIMEOUTS.greetingTimeoutMs,
      socketTimeout: options.socketTimeoutMs ?? DEFAULT_TIMEOUTS.socketTimeoutMs,
      dkim: dkimSettings(options.dkim),
      disableFileAccess: true,
      disableUrlAccess: true,
    };
    const poolOptions: SMTPPool.Options = { ...transportOptions, pool: true };
    this.transport = pool ? nodemailer.createTransport(poolOptions) : nodemailer.createTransport(transportOptions);
  }

  async send(email: RenderedEmail, opts: SendOptions): Promise<SendResult> {
    const mail = toMailOptions(email, opts.idempotencyKey);
    try {
      const info: { messageId?: string } = await this.transport.sendMail(mail);
      return { messageId: info.messageId ?? mail.messageId, location: null };
    } catch (err) {
      throw smtpFailure(err, { recipientDomain: domainOf(email.to), server: this.endpoint.label });
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
