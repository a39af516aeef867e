import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { SessionStore } from './ports.js';
import type { User } from '../model/user.js';
import { hashToken, isTokenShaped, newToken } from './tokens.js';

export const SESSION_COOKIE = 'podbrief_session';
/** A session lasts this long after it was last used (sliding). */
const SESSION_TTL_MS = 30 * 24 * 3600_000;
/** Last-seen is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 3600_000;
/** What actions like deleting the account ask for: a sign-in this recent. */
const RECENT_SIGN_IN_MS = 10 * 60_000;

/** What other routes need to know who is signed in (the account pages build on this shape). */
interface SessionResolver {
  currentUser(c: Context): Promise<User | undefined>;
}

export interface Sessions extends SessionResolver {
  /** The signed-in subscriber and when they signed in with an emailed link. */
  currentSession(c: Context): Promise<{ user: User; signedInAt: Date } | undefined>;
  /** True when the subscriber signed in within `ms` (default 10 minutes): ask for a fresh link otherwise. */
  signedInWithin(c: Context, ms?: number): Promise<boolean>;
  /** Starts a new session (a new id: no fixation) and sets its cookie. */
  signIn(c: Context, userId: number): Promise<void>;
  signOut(c: Context): Promise<void>;
}

/**
 * Sessions behind an opaque cookie: 256 random bits, stored only as a hash with its expiry.
 * The cookie is HttpOnly, SameSite=Lax, and Secure when the site is served over HTTPS.
 * Only a confirmed subscriber is ever signed in.
 */
export function createSessions(
  app: { store: SessionStore },
  isHttps: (req: Request) => boolean,
  now = () => new Date(),
): Sessions {
  const resolved = new WeakMap<Request, Promise<{ user: User; signedInAt: Date } | undefined>>();

  const writeCookie = (c: Context, id: string) =>
    setCookie(c, SESSION_COOKIE, id, {
      httpOnly: true,
      secure: isHttps(c.req.raw),
      sameSite: 'Lax',
      path: '/',
      maxAge: SESSION_TTL_MS / 1000,
    });

  const resolve = async (c: Context) => {
    const id = getCookie(c, SESSION_COOKIE);
    if (!isTokenShaped(id)) return undefined;
    const at = now();
    const session = await app.store.sessionByHash(hashToken(id), at);
    if (!session) return undefined;
    const user = await app.store.userById(session.userId);
    if (!user || user.confirmedAt === null) return undefined;
    if (at.getTime() - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) {
      await app.store.extendSession(hashToken(id), at, new Date(at.getTime() + SESSION_TTL_MS));
      writeCookie(c, id);
    }
    return { user, signedInAt: new Date(session.signedInAt) };
  };

  const currentSession = (c: Context) => {
    let found = resolved.get(c.req.raw);
    if (!found) {
      found = resolve(c);
      resolved.set(c.req.raw, found);
    }
    return found;
  };

  return {
    currentSession,
    async currentUser(c) {
      return (await currentSession(c))?.user;
    },
    async signedInWithin(c, ms = RECENT_SIGN_IN_MS) {
      const session = await currentSession(c);
      return session !== undefined && now().getTime() - session.signedInAt.getTime() <= ms;
    },
    async signIn(c, userId) {
      const old = getCookie(c, SESSION_COOKIE);
      if (isTokenShaped(old)) await app.store.deleteSession(hashToken(old));
      const id = newToken();
      const at = now();
      await app.store.createSession({
        idHash: hashToken(id),
        userId,
        at,
        expiresAt: new Date(at.getTime() + SESSION_TTL_MS),
      });
      resolved.delete(c.req.raw);
      writeCookie(c, id);
    },
    async signOut(c) {
      const id = getCookie(c, SESSION_COOKIE);
      if (isTokenShaped(id)) await app.store.deleteSession(hashToken(id));
      resolved.delete(c.req.raw);
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c.req.raw), httpOnly: true, sameSite: 'Lax' });
    },
  };
}

/** A local path to go to after signing in; anything else (another site, `//host`) becomes `/account`. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s]*$/.test(next) && next.length <= 512 ? next : '/account';
}

/**
 * For pages that need a signed-in subscriber: the user, or a redirect to /login that comes back
 * here afterwards.
 */
export async function requireUser(sessions: SessionResolver, c: Context): Promise<User | Response> {
  const user = await sessions.currentUser(c);
  if (user) return user;
  const url = new URL(c.req.url);
  return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
}
