import { AppError } from '../model/errors.js';

/** A failed send, with what a retry policy needs: the SMTP reply code and whether trying again can help. */
export class DeliveryError extends AppError {
  readonly responseCode: number | null;
  readonly retryable: boolean;
  /** The SMTP command the server answered (`RCPT TO`, `DATA`, `MAIL FROM`…), when known. */
  readonly command: string | null;
  constructor(
    code: string,
    message: string,
    details: { responseCode?: number | null; retryable: boolean; command?: string | null; cause?: unknown },
  ) {
    super(code, message, { cause: details.cause });
    this.name = 'DeliveryError';
    this.responseCode = details.responseCode ?? null;
    this.retryable = details.retryable;
    this.command = details.command ?? null;
  }

  /** A permanent (5xx) refusal of the recipient or the message: the address is suppressed, not retried. */
  get hardBounce(): boolean {
    return (
      this.responseCode !== null &&
      this.responseCode >= 500 &&
      this.responseCode < 600 &&
      (this.command === 'RCPT TO' || this.command === 'DATA')
    );
  }

  /** The mail server could not be reached or stopped answering: the next message would most likely fare the same. */
  get serverDown(): boolean {
    return this.code === 'smtp_connect_failed' || this.code === 'smtp_timeout';
  }
}

interface NodemailerError {
  code?: unknown;
  command?: unknown;
  responseCode?: unknown;
  response?: unknown;
  message?: unknown;
}

// One line, bounded, and with mailbox local parts removed: server replies often echo the address.
function oneLine(value: unknown): string {
  return String(value ?? '')
    .replace(/[\r\n]+/g, ' ')
    .replace(/[^\s<>"'@,;:]+@/g, '…@')
    .slice(0, 200)
    .trim();
}

/** Maps a nodemailer SMTP failure to a stable code; messages name the recipient domain and server, never credentials. */
export function smtpFailure(err: unknown, context: { recipientDomain: string; server: string }): DeliveryError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as NodemailerError;
  const code = typeof e.code === 'string' ? e.code : '';
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const command = typeof e.command === 'string' ? e.command : null;
  const to = `mail to ${context.recipientDomain} via ${context.server}`;
  const reason = oneLine(e.response ?? e.message);

  if (code === 'EAUTH') {
    return new DeliveryError('smtp_auth_failed', `SMTP login failed for ${to}: ${reason}`, {
      responseCode,
      retryable: false,
      cause: err,
    });
  }
  if (code === 'ETIMEDOUT') {
    return new DeliveryError('smtp_timeout', `SMTP server timed out on ${to}: ${reason}`, {
      retryable: true,
      cause: err,
    });
  }
  if (responseCode !== null) {
    return new DeliveryError('smtp_rejected', `SMTP server rejected ${to} with ${responseCode}: ${reason}`, {
      responseCode,
      retryable: responseCode < 500,
      command,
      cause: err,
    });
  }
  if (['ECONNECTION', 'ESOCKET', 'EDNS', 'ETLS'].includes(code)) {
    return new DeliveryError('smtp_connect_failed', `Could not reach SMTP server for ${to}: ${reason}`, {
      retryable: true,
      cause: err,
    });
  }
  return new DeliveryError('smtp_send_failed', `Sending ${to} failed: ${reason}`, {
    retryable: !['EENVELOPE', 'EMESSAGE'].includes(code),
    cause: err,
  });
}
