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
}

/** A subscriber's own description of what they want to hear about is cut (web) or refused (CLI) beyond this. */
export const ABOUT_MAX_CHARS = 2000;
