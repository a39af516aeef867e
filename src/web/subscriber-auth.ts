import type { DirectoryResult } from '../feeds/index.js';
import type { Context } from 'hono';
import type { User } from '../model/user.js';

/**
 * Who is signed in. The account pages (`/account/…`) take it as a parameter; the session
 * mechanism (magic link + cookie) supplies the real one, tests a signed test cookie
 * (test-support/test-auth.ts). Signed email links (`?u=&t=`) do not go through it.
 */
export interface SubscriberAuth {
  /** The signed-in subscriber, or undefined (no or expired session, or a deleted user). */
  currentUser(c: Context): Promise<User | undefined>;
  /** When the current session's sign-in happened (the magic link was used); undefined when signed out. */
  signedInAt(c: Context): Promise<Date | undefined>;
  /** Ends the current session (after the account is deleted); optional. */
  signOut?(c: Context): Promise<void>;
}

/** What the account pages need besides the App and the resolver. */
export interface AccountDeps {
  now(): Date;
  /**
   * Podcast directories (iTunes, Podcast Index) for the follow-a-show search; wired by `podbrief serve`.
   * Absent: the search looks only at the shows the store knows.
   */
  searchDirectories?(query: string): Promise<DirectoryResult[]>;
}

export const defaultAccountDeps: AccountDeps = { now: () => new Date() };

/** A page that needs a session, for someone without one: sign in first, then come back here. */
export function toLogin(c: Context, next = currentPath(c), reason?: string): Response {
  const query = new URLSearchParams({ next, ...(reason ? { reason } : {}) });
  return c.redirect(`/login?${query}`, 303);
}

function currentPath(c: Context): string {
  const url = new URL(c.req.url);
  return url.pathname + url.search;
}
