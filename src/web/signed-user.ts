import type { Context } from 'hono';
import type { SignedUserDeps } from './ports.js';
import { verifyUserLink, type LinkPurpose } from '../delivery/index.js';
import type { User } from '../model/user.js';

/** The subscriber a signed `?u=&t=` link names, if its token is valid for that purpose. */
export async function signedUser(c: Context, app: SignedUserDeps, purpose: LinkPurpose): Promise<User | undefined> {
  const id = Number(c.req.query('u'));
  const token = c.req.query('t') ?? '';
  if (!Number.isInteger(id) || !verifyUserLink(purpose, id, token, app.verifyKeys)) return undefined;
  return app.store.userById(id);
}

/** The same link's query string, to post a form back to it. */
export function signedQuery(c: Context): string {
  return `u=${encodeURIComponent(c.req.query('u') ?? '')}&t=${encodeURIComponent(c.req.query('t') ?? '')}`;
}
