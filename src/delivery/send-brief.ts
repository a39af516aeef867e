import type { Brief } from '../model/brief.js';
import { errorMessage } from '../model/errors.js';
import { receivesBriefs, type User } from '../model/user.js';
import type { DeliveryRow, Store } from '../store/types.js';
import type { Mailer } from './mailer.js';
import { renderBriefEmail } from './render-brief-email.js';
import { DELIVERY_MAX_ATTEMPTS, deliveryClaimRules } from './retry-policy.js';

export interface SendBriefDeps {
  store: Store;
  mailer: Mailer;
}

export interface SendBriefOptions {
  publicUrl: string;
  secret: string;
  from: string;
  /** The clock the retry backoff and the lease are measured on. */
  now?: Date;
}

export type SendOutcome =
  | { status: 'sent'; messageId: string | null; location: string | null }
  | {
      status: 'skipped';
      reason: 'already_sent' | 'in_progress' | 'retry_later' | 'gave_up' | 'unsubscribed' | 'unconfirmed' | 'empty';
    }
  | { status: 'failed'; error: string };

/**
 * Sends a stored brief at most once: the delivery row is claimed with a compare-and-set
 * before sending and marked sent after, so a second run (or a second worker) sends nothing.
 * A failed send is retried with backoff until it runs out of attempts. A crash between claim
 * and mark leaves it 'sending' until its lease runs out and another run re-claims it; if the
 * mail had gone out, the stable Message-ID lets receivers drop the one possible duplicate.
 */
export async function sendBrief(
  deps: SendBriefDeps,
  brief: Brief,
  user: User,
  opts: SendBriefOptions,
): Promise<SendOutcome> {
  if (user.status !== 'active') return { status: 'skipped', reason: 'unsubscribed' };
  // Double opt-in: nothing but the confirmation email goes to an address that did not confirm.
  if (!receivesBriefs(user)) return { status: 'skipped', reason: 'unconfirmed' };
  if (brief.items.length === 0) return { status: 'skipped', reason: 'empty' };
  const now = opts.now ?? new Date();
  const claimed = await deps.store.claimDelivery(brief.id, deliveryClaimRules(now));
  if (!claimed) return { status: 'skipped', reason: whyNotClaimed(await deps.store.deliveryForBrief(brief.id)) };
  try {
    const email = renderBriefEmail({
      brief,
      user,
      publicUrl: opts.publicUrl,
      secret: opts.secret,
      from: opts.from,
      interactive: true,
    });
    const result = await deps.mailer.send(email, { idempotencyKey: `${brief.userId}-${brief.date}-${brief.id}` });
    await deps.store.markDeliverySent(claimed.id, { transport: deps.mailer.name, ...result });
    return { status: 'sent', ...result };
  } catch (err) {
    const error = errorMessage(err);
    await deps.store.markDeliveryFailed(claimed.id, error, now);
    return { status: 'failed', error };
  }
}

function whyNotClaimed(current: DeliveryRow | undefined): 'already_sent' | 'in_progress' | 'retry_later' | 'gave_up' {
  if (current?.status === 'sent') return 'already_sent';
  if (current?.status === 'failed') return current.attempts >= DELIVERY_MAX_ATTEMPTS ? 'gave_up' : 'retry_later';
  return 'in_progress';
}
