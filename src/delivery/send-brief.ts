import type { Brief } from '../model/brief.js';
import { AppError, errorMessage } from '../model/errors.js';
import type { User } from '../model/user.js';
import type { DeliveryRow } from '../store/types.js';
import { DeliveryError } from './delivery-error.js';
import type { Mailer } from './mailer.js';
import type { SendBriefStore } from './ports.js';
import { renderBriefEmail } from './render-brief-email.js';
import { DELIVERY_HEARTBEAT_MS, DELIVERY_MAX_ATTEMPTS, deliveryClaimRules } from './retry-policy.js';
import type { SendBreaker } from './send-breaker.js';

export interface SendBriefDeps {
  store: SendBriefStore;
  mailer: Mailer;
  /** Shared by every send of one run: once open, the rest of the run sends nothing. */
  breaker?: SendBreaker;
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
      reason:
        | 'already_sent'
        | 'in_progress'
        | 'retry_later'
        | 'gave_up'
        | 'unsubscribed'
        | 'unconfirmed'
        | 'suppressed'
        | 'empty'
        | 'mail_server_down';
      /** For mail_server_down: the stable code and why. */
      code?: string;
      error?: string;
    }
  | { status: 'failed'; error: string; code: string }
  /** A hard (5xx) bounce: the address is now suppressed and gets no further mail. */
  | { status: 'bounced'; error: string; code: string; responseCode: number | null };

/**
 * Sends a stored brief at most once: the delivery row is claimed with a compare-and-set
 * before sending and marked sent after, so a second run (or a second worker) sends nothing.
 * Right before the SMTP transaction, inside the claim, the subscriber is read again: one who
 * unsubscribed (or was suppressed) while the run was going gets nothing, and the delivery is
 * closed as cancelled. A temporary failure is retried with backoff until it runs out of
 * attempts; a hard bounce suppresses the address at once. While it sends, the claim's heartbeat
 * is kept fresh; a crash leaves it 'sending' until a minute after the last heartbeat, when
 * another run re-claims it (counted as a possible duplicate; the stable Message-ID lets receivers
 * drop it).
 */
export async function sendBrief(
  deps: SendBriefDeps,
  brief: Brief,
  user: User,
  opts: SendBriefOptions,
): Promise<SendOutcome> {
  // Suppression is checked once, after the claim (whyGone): a suppressed subscriber's delivery is
  // closed as cancelled, and a suppression added while the run went on is seen.
  if (user.status !== 'active') return { status: 'skipped', reason: 'unsubscribed' };
  // Double opt-in: nothing but the confirmation email goes to an address that did not confirm.
  if (user.confirmedAt === null) return { status: 'skipped', reason: 'unconfirmed' };
  if (brief.items.length === 0) return { status: 'skipped', reason: 'empty' };
  const { breaker } = deps;
  const release = await breaker?.turn();
  try {
    if (breaker?.open)
      return { status: 'skipped', reason: 'mail_server_down', code: 'smtp_circuit_open', error: breaker.reason };
    return await claimAndSend(deps, brief, user, opts);
  } finally {
    release?.();
  }
}

async function claimAndSend(...[deps, brief, user, opts]: Parameters<typeof sendBrief>): Promise<SendOutcome> {
  const { store } = deps;
  const now = opts.now ?? new Date();
  const claimed = await store.claimDelivery(brief.id, deliveryClaimRules(now));
  if (!claimed) return { status: 'skipped', reason: whyNotClaimed(await store.deliveryForBrief(brief.id)) };

  const current = await store.userById(user.id);
  const left = await whyGone(store, current);
  if (left || !current) {
    const gone = left ?? GONE.unsubscribed;
    await store.closeDelivery(claimed.id, { status: 'cancelled', error: gone.why, code: gone.reason });
    return { status: 'skipped', reason: gone.reason };
  }
  const heartbeat = setInterval(() => {
    store.heartbeatDelivery(claimed.id).catch(() => undefined);
  }, DELIVERY_HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const email = renderBriefEmail({
      brief,
      user: current,
      publicUrl: opts.publicUrl,
      secret: opts.secret,
      from: opts.from,
      interactive: true,
    });
    const result = await deps.mailer.send(email, { idempotencyKey: `${brief.userId}-${brief.date}-${brief.id}` });
    deps.breaker?.serverAnswered();
    await store.markDeliverySent(claimed.id, { transport: deps.mailer.name, ...result });
    return { status: 'sent', ...result };
  } catch (err) {
    const error = errorMessage(err);
    const code = err instanceof AppError ? err.code : 'send_failed';
    if (err instanceof DeliveryError && err.hardBounce) {
      deps.breaker?.serverAnswered();
      await store.suppressAddress({
        email: current.email,
        userId: current.id,
        reason: 'hard_bounce',
        responseCode: err.responseCode,
        detail: error,
      });
      await store.closeDelivery(claimed.id, { status: 'bounced', error, code });
      return { status: 'bounced', error, code, responseCode: err.responseCode };
    }
    if (err instanceof DeliveryError && err.serverDown) deps.breaker?.serverDown({ code, message: error });
    else if (err instanceof DeliveryError) deps.breaker?.serverAnswered();
    await store.markDeliveryFailed(claimed.id, error, now, code);
    return { status: 'failed', error, code };
  } finally {
    clearInterval(heartbeat);
  }
}

const GONE = {
  unsubscribed: { reason: 'unsubscribed', why: 'the subscriber unsubscribed before it was sent' },
  suppressed: { reason: 'suppressed', why: 'the address was suppressed before it was sent' },
} as const;

/** Whether the subscriber, as stored now, left since the run read them: unsubscribed, deleted or suppressed. */
async function whyGone(
  store: Pick<SendBriefStore, 'suppressionFor'>,
  current: User | undefined,
): Promise<(typeof GONE)[keyof typeof GONE] | undefined> {
  if (current?.status !== 'active') return GONE.unsubscribed;
  if (await store.suppressionFor(current.email)) return GONE.suppressed;
  return undefined;
}

function whyNotClaimed(
  current: DeliveryRow | undefined,
): 'already_sent' | 'in_progress' | 'retry_later' | 'gave_up' | 'unsubscribed' | 'suppressed' {
  if (current?.status === 'sent') return 'already_sent';
  if (current?.status === 'cancelled') return current.lastErrorCode === 'suppressed' ? 'suppressed' : 'unsubscribed';
  if (current?.status === 'bounced') return 'suppressed';
  if (current?.status === 'failed') return current.attempts >= DELIVERY_MAX_ATTEMPTS ? 'gave_up' : 'retry_later';
  return 'in_progress';
}
