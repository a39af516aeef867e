import { createHash } from 'node:crypto';
import { domainToASCII } from 'node:url';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { AppError } from '../model/errors.js';
import { assertRecipient, domainOf, senderAddress } from '../model/email-address.js';
import type { DkimOptions } from './mailer.js';
import type { RenderedEmail } from './rendered-email.js';

// nodemailer's default list leaves out List-Unsubscribe-Post; Gmail wants both signed (RFC 8058 §4).
const DKIM_HEADERS =
  'From:Sender:Reply-To:Subject:Date:Message-ID:To:Cc:MIME-Version:Content-Type:' +
  'Content-Transfer-Encoding:List-Id:List-Unsubscribe:List-Unsubscribe-Post';

/** A filename- and Message-ID-safe form of the key; a hash suffix keeps distinct keys distinct. */
export function keySlug(idempotencyKey: string): string {
  if (typeof idempotencyKey !== 'string' || idempotencyKey.trim() === '' || idempotencyKey.length > 200) {
    throw new AppError('invalid_idempotency_key', 'Idempotency key must be 1-200 characters');
  }
  const slug = idempotencyKey.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 100);
  if (slug === idempotencyKey) return slug;
  return `${slug}.${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 12)}`;
}

/** `<podbrief-{key}@{from domain}>`: stable across retries so receivers can drop a resend. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = domainToASCII(domainOf(senderAddress(from))) || 'podbrief.invalid';
  return `<podbrief-${keySlug(idempotencyKey)}@${domain}>`;
}

export function dkimSettings(dkim: DkimOptions | undefined): Mail.Options['dkim'] {
  return dkim ? { ...dkim, headerFieldNames: DKIM_HEADERS } : undefined;
}

/** nodemailer message options, identical for every transport so the bytes sent match the bytes stored. */
export function toMailOptions(email: RenderedEmail, idempotencyKey: string): Mail.Options & { messageId: string } {
  assertRecipient(email.to);
  return {
    from: email.from,
    to: email.to,
    envelope: { from: senderAddress(email.from), to: [email.to] },
    subject: email.subject,
    text: email.text,
    // The HTML in base64: nodemailer's quoted-printable encoder walks it a character at a time in
    // JavaScript, the largest CPU cost of sending a brief; Buffer's base64 is native, several times
    // cheaper. The plain text stays quoted-printable, readable in the raw message (filters score a
    // base64 text/plain part as disguised).
    alternatives: [{ contentType: 'text/html; charset=utf-8', content: email.html, contentTransferEncoding: 'base64' }],
    headers: { ...email.headers },
    messageId: messageIdFor(idempotencyKey, email.from),
    // Stated, not guessed: nodemailer's guess counts every letter with a regex.
    textEncoding: 'quoted-printable',
    // Content is always inline strings; never let a value be read as a file path or URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
