import type { Brief } from '../model/brief.js';
import { errorMessage } from '../model/errors.js';
import type { User } from '../model/user.js';
import type { Store } from '../store/types.js';
import type { Mailer } from './mailer.js';
import { renderBriefEmail } from './render-brief-email.js';

export interface SendBriefDeps {
  store: Store;
  mailer: Mailer;
}

export interface SendBriefOptions {
  publicUrl: string;
  secret: string;
  from: string;
}

export type SendOutcome =
  | { status: 'sent'; messageId: string | null; location: string | null }
  | { status: 'skipped'; reason: 'already_sent' | 'in_progress' | 'unsubscribed' | 'empty' }
  | { status: 'failed'; error: string };

/**
 * Sends a stored brief at most once: the delivery row is claimed with a compare-and-set
 * before sending and marked sent after, so a second run (or a second worker) sends nothing.
 * A crash between send and mark leaves it 'sending'; the stable Message-ID lets receivers
 * drop the one possible duplicate.
 */
export async function sendBrief(deps: SendBriefDeps, brief: Brief, user: User, opts: SendBriefOptions): Promise<SendOutcome> {
  if (user.status !== 'active') return { status: 'skipped', reason: 'unsubscribed' };
  if (brief.items.length === 0) return { status: 'skipped', reason: 'empty' };
  const claimed = await deps.store.claimDelivery(brief.id);
  if (!claimed) {
    const current = await deps.store.deliveryForBrief(brief.id);
    return { status: 'skipped', reason: current?.status === 'sent' ? 'already_sent' : 'in_progress' };
  }
  try {
    const email = renderBriefEmail({ brief, user, publicUrl: opts.publicUrl, secret: opts.secret, from: opts.from, interactive: true });
    const result = await deps.mailer.send(email, { idempotencyKey: `${brief.userId}-${brief.date}-${brief.id}` });
    await deps.store.markDeliverySent(claimed.id, { transport: deps.mailer.name, ...result });
    return { status: 'sent', ...result };
  } catch (err) {
    const error = errorMessage(err);
    await deps.store.markDeliveryFailed(claimed.id, error);
    return { status: 'failed', error };
  }
}
