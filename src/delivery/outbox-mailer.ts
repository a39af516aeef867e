import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer from 'nodemailer';
import { DeliveryError } from './delivery-error.js';
import { dkimSettings, keySlug, toMailOptions } from './mail-options.js';
import type { DkimOptions, Mailer, SendOptions, SendResult } from './mailer.js';
import type { RenderedEmail } from './rendered-email.js';

/** `<date>-<user>-<brief>.eml` for briefs, else the key: one file per message, however often it is sent. */
function outboxFileName(email: RenderedEmail, idempotencyKey: string): string {
  const brief = email.brief;
  if (
    brief &&
    /^\d{4}-\d{2}-\d{2}$/.test(brief.date) &&
    Number.isSafeInteger(brief.userId) &&
    Number.isSafeInteger(brief.id)
  ) {
    return `${brief.date}-${brief.userId}-${brief.id}.eml`;
  }
  return `${keySlug(idempotencyKey)}.eml`;
}

// Temp file in the same directory, fsync, then rename: a reader (or a crash) never sees half a message.
async function writeAtomically(path: string, data: Buffer): Promise<void> {
  const temp = `${path}.${randomUUID()}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/** Writes each message as a complete RFC 5322 `.eml` file instead of sending it (dev, demo, or no SMTP). */
export class OutboxMailer implements Mailer {
  readonly name = 'outbox';
  private readonly dir: string;
  private readonly composer: nodemailer.Transporter;

  constructor(outboxDir: string, options: { dkim?: DkimOptions } = {}) {
    this.dir = resolve(outboxDir);
    this.composer = nodemailer.createTransport({
      streamTransport: true,
      buffer: true,
      dkim: dkimSettings(options.dkim),
    });
  }

  async send(email: RenderedEmail, opts: SendOptions): Promise<SendResult> {
    const mail = toMailOptions(email, opts.idempotencyKey);
    const path = join(this.dir, outboxFileName(email, opts.idempotencyKey));
    let raw: Buffer;
    try {
      const info: { message: unknown } = await this.composer.sendMail(mail);
      if (!Buffer.isBuffer(info.message)) throw new Error('composer returned a stream, expected a buffer');
      // RFC 5322 wants CRLF everywhere; nodemailer leaves body LFs for the SMTP layer to fix.
      // latin1 round-trips every byte, so this is safe for any encoding in the message.
      raw = Buffer.from(info.message.toString('latin1').replace(/\r?\n/g, '\r\n'), 'latin1');
    } catch (err) {
      throw new DeliveryError('message_build_failed', `Could not build the message: ${String(err)}`, {
        retryable: false,
        cause: err,
      });
    }
    try {
      await mkdir(this.dir, { recursive: true });
      await writeAtomically(path, raw);
    } catch (err) {
      const reason = (err as NodeJS.ErrnoException).code ?? 'unknown error';
      throw new DeliveryError('outbox_write_failed', `Could not write ${path}: ${reason}`, {
        retryable: true,
        cause: err,
      });
    }
    return { messageId: mail.messageId, location: path };
  }

  async close(): Promise<void> {
    this.composer.close();
  }
}
