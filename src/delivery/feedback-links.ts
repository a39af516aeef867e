import { publicBase, signUserLink, verifyUserLink, type VerifyKeys } from './unsubscribe-link.js';

const VOTES = ['up', 'down', 'more', 'less'] as const;
export type Vote = (typeof VOTES)[number];

export function isVote(value: unknown): value is Vote {
  return typeof value === 'string' && (VOTES as readonly string[]).includes(value);
}

const feedbackScope = (insightId: number, vote: Vote) => `${insightId}:${vote}`;

/** `/feedback?u=&i=&v=&t=`: the token signs the user, the insight and the vote. */
export function feedbackUrl(publicUrl: string, userId: number, insightId: number, vote: Vote, secret: string): string {
  const token = signUserLink('feedback', userId, secret, feedbackScope(insightId, vote));
  return `${publicBase(publicUrl)}/feedback?u=${userId}&i=${insightId}&v=${vote}&t=${token}`;
}

export function verifyFeedback(
  userId: number,
  insightId: number,
  vote: Vote,
  token: string,
  secret: VerifyKeys,
): boolean {
  return (
    Number.isSafeInteger(insightId) &&
    insightId > 0 &&
    verifyUserLink('feedback', userId, token, secret, feedbackScope(insightId, vote))
  );
}

/** `/t/<user>.<insight>.<token>`: records the click, then redirects to the insight's stored timestamp URL. */
export function listenUrl(publicUrl: string, userId: number, insightId: number, secret: string): string {
  return `${publicBase(publicUrl)}/t/${userId}.${insightId}.${signUserLink('listen', userId, secret, String(insightId))}`;
}

export function parseListenToken(path: string, secret: VerifyKeys): { userId: number; insightId: number } | undefined {
  const match = /^(\d{1,15})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(path);
  if (!match) return undefined;
  const userId = Number(match[1]);
  const insightId = Number(match[2]);
  if (!Number.isSafeInteger(insightId) || insightId <= 0) return undefined;
  return verifyUserLink('listen', userId, match[3] ?? '', secret, String(insightId))
    ? { userId, insightId }
    : undefined;
}
