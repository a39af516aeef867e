import type { DkimOptions, Mailer } from './mailer.js';
import { OutboxMailer } from './outbox-mailer.js';
import { SmtpMailer, type SmtpThroughput, type SmtpTimeouts } from './smtp-mailer.js';

export interface CreateMailerOptions {
  /** When set, mail goes out over SMTP; otherwise it is written to `outboxDir`. */
  smtpUrl?: string;
  outboxDir: string;
  smtpTimeouts?: SmtpTimeouts;
  smtpThroughput?: SmtpThroughput;
  dkim?: DkimOptions;
}

export function createMailer(options: CreateMailerOptions): Mailer {
  const smtpUrl = options.smtpUrl?.trim();
  if (smtpUrl)
    return new SmtpMailer({ url: smtpUrl, ...options.smtpTimeouts, ...options.smtpThroughput, dkim: options.dkim });
  return new OutboxMailer(options.outboxDir, { dkim: options.dkim });
}
