import addressparser from 'nodemailer/lib/addressparser/index.js';
import { AppError } from './errors.js';

// Deliberately narrower than RFC 5322: one bare mailbox, no display name, no comments, no
// quoting, so a stored address can never smuggle a second recipient or a header.
const PLAIN_ADDRESS = /^[^\s@<>,;:"()[\]\\]+@[^\s@<>,;:"()[\]\\]+\.[^\s@<>,;:"()[\]\\]+$/;

function isPlainAddress(address: string): boolean {
  return address.length <= 254 && PLAIN_ADDRESS.test(address);
}

export function assertRecipient(address: string): void {
  if (!isPlainAddress(address)) {
    throw new AppError('invalid_recipient', 'Recipient must be exactly one plain email address');
  }
}

/** The address inside a From value such as `Podbrief <brief@example.com>`; throws unless there is exactly one. */
export function senderAddress(from: string): string {
  const parsed = /[\r\n]/.test(from) ? [] : addressparser(from, { flatten: true });
  const address = parsed.length === 1 ? parsed[0]?.address : undefined;
  if (!address || !isPlainAddress(address)) {
    throw new AppError('invalid_sender', 'From must hold exactly one valid email address');
  }
  return address;
}

export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
