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
}

/** Whether the daily run composes and sends this subscriber a brief: subscribed and not paused. */
export function receivesBriefs(user: Pick<User, 'status' | 'pausedAt'>): boolean {
  return user.status === 'active' && !user.pausedAt;
}

/** A subscriber's own description of what they want to hear about is cut (web) or refused (CLI) beyond this. */
export const ABOUT_MAX_CHARS = 2000;
