export interface User {
  id: number;
  email: string;
  interests: string[];
  /** IANA zone, e.g. "Europe/Berlin". */
  timezone: string;
  /** Local hour 0–23 at which the brief goes out. */
  deliveryHour: number;
  status: 'active' | 'unsubscribed';
  /** Secret used to sign this user's unsubscribe links. */
  unsubscribeToken: string;
  createdAt: string;
  /** When the subscriber paused their briefs; absent while they get them. */
  pausedAt?: string;
  /** When the subscriber confirmed their address; null for a web sign-up not confirmed yet. */
  confirmedAt: string | null;
}

/** An unconfirmed web sign-up (and its confirmation link) lasts this long. */
export const SIGNUP_TTL_MS = 48 * 3600_000;

/** Whether the daily run composes and sends this subscriber a brief: confirmed (double opt-in), subscribed, not paused. */
export function receivesBriefs(user: Pick<User, 'status' | 'confirmedAt' | 'pausedAt'>): boolean {
  return user.status === 'active' && user.confirmedAt !== null && !user.pausedAt;
}

/** A subscriber's own description of what they want to hear about is cut (web) or refused (CLI) beyond this. */
export const ABOUT_MAX_CHARS = 2000;
