import type { RenderedEmail } from './rendered-email.js';

export interface SendOptions {
  /** Same key for every attempt at the same message: it fixes the Message-ID and the outbox file. */
  idempotencyKey: string;
}

export interface SendResult {
  messageId: string | null;
  /** Where the message was written, for transports that write instead of send. */
  location: string | null;
}

/** The one seam every transport sits behind. */
export interface Mailer {
  readonly name: string;
  send(email: RenderedEmail, opts: SendOptions): Promise<SendResult>;
  close(): Promise<void>;
}

/** DKIM signing key; `List-Unsubscribe-Post` is always added to the signed headers. */
export interface DkimOptions {
  domainName: string;
  keySelector: string;
  privateKey: string;
}
