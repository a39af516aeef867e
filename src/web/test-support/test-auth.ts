import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { getCookie } from 'hono/cookie';
import type { Store } from '../../store/types.js';
import type { SubscriberAuth } from '../subscriber-auth.js';

const COOKIE = 'podbrief_test_session';

/**
 * A SubscriberAuth for tests only (never wired into the server by default): a cookie
 * `<userId>.<signedInAtMs>.<hmac>` signed with a key made per call, so no request can forge one.
 */
export function testSubscriberAuth(store: Pick<Store, 'userById'>): {
  auth: SubscriberAuth;
  /** The Cookie header of a session for `userId` that signed in at `signedInAt`. */
  cookie(userId: number, signedInAt?: Date): string;
  signedOut: number[];
} {
  const key = randomBytes(32);
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();
  const session = (c: Parameters<SubscriberAuth['currentUser']>[0]) => {
    const [id, at, sig] = (getCookie(c, COOKIE) ?? '').split('.');
    if (!id || !at || !sig) return undefined;
    const given = Buffer.from(sig, 'base64url');
    const expected = mac(`${id}.${at}`);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return { userId: Number(id), signedInAt: new Date(Number(at)) };
  };
  const signedOut: number[] = [];
  return {
    auth: {
      async currentUser(c) {
        const s = session(c);
        return s ? store.userById(s.userId) : undefined;
      },
      async signedInAt(c) {
        return session(c)?.signedInAt;
      },
      async signOut(c) {
        const s = session(c);
        if (s) signedOut.push(s.userId);
      },
    },
    cookie(userId, signedInAt = new Date()) {
      const payload = `${userId}.${signedInAt.getTime()}`;
      return `${COOKIE}=${payload}.${mac(payload).toString('base64url')}`;
    },
    signedOut,
  };
}
