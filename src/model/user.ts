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
