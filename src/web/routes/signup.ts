import type { Context, Hono } from 'hono';
import { isValidTimeZone } from '../../briefs/index.js';
import { assertRecipient } from '../../model/email-address.js';
import type { User } from '../../model/user.js';
import { emailLink, linkIsValid, useLink } from '../account-links.js';
import type { WebDeps } from '../deps.js';
import type { SignupApp } from '../ports.js';
import { landingData } from '../landing-data.js';
import { knownFeedsOfOpml } from '../opml-io.js';
import { rateLimited } from '../rate-limited.js';
import { isTokenShaped } from '../tokens.js';
import { html } from '../views/html.js';
import { checkInboxPage, landingPage, type SignupValues } from '../views/landing.js';
import { layout } from '../views/layout.js';

const MAX_INTERESTS = 50;
const MAX_INTEREST_CHARS = 100;

/**
 * The public landing page and double opt-in sign-up. POST /signup answers with the same page,
 * status and (the email is sent after the response) timing whatever the address: new, pending,
 * subscribed or unsubscribed. Only the confirmation link's POST confirms.
 */
export function signupRoutes(web: Hono, deps: WebDeps<SignupApp>): void {
  const { app } = deps;
  const data = landingData(app.store, deps.now);
  const defaults = (): SignupValues => ({
    email: '',
    interests: '',
    topics: [],
    follows: [],
    hour: app.config.defaultDeliveryHour,
    timezone: app.config.defaultTimezone,
  });
  const page = async (c: Context, values: SignupValues, problems: string[] = [], chosen = false) =>
    layout(
      'Your daily podcast brief',
      landingPage(await data(), values, { query: c.req.query('q') ?? '', problems, timezoneChosen: chosen }),
      {
        wide: true,
        timezoneScript: true,
        user: await deps.sessions.currentUser(c),
      },
    );

  web.get('/', async (c) => c.html(await page(c, defaults())));

  web.post('/signup', async (c) => {
    const ip = deps.info.clientIp(c);
    const tooMany = await rateLimited(c, [[deps.limits.signupPerIp, ip]]);
    if (tooMany) return tooMany;
    const body = await c.req.parseBody({ all: true });
    const values = signupValues(body, defaults());
    // A bot filled the field people cannot see: answer as usual, do nothing.
    if (String(body['website'] ?? '') !== '') return c.html(layout('Check your inbox', checkInboxPage(values.email)));
    const upload = body['opml'];
    const opml =
      upload instanceof File && upload.size > 0
        ? await knownFeedsOfOpml(app.store, new Uint8Array(await upload.arrayBuffer()))
        : undefined;
    const problems = [...validate(values), ...(opml?.problems ?? [])];
    if (problems.length) return c.html(await page(c, values, problems, true), 400);
    const perEmail = await rateLimited(c, [[deps.limits.signupPerEmail, values.email.toLowerCase()]]);
    if (perEmail) return perEmail;
    const knownFeeds = new Set((await data()).feeds.map((f) => f.id));
    const follows = new Set([...values.follows.filter((id) => knownFeeds.has(id)), ...(opml?.feedIds ?? [])]);
    const signup = { ...values, follows: [...follows] };
    deps.background.run('sign-up', () => signUp(deps, signup));
    const imported = opml && { followed: opml.feedIds.length, unknown: opml.unknown };
    return c.html(layout('Check your inbox', checkInboxPage(values.email, imported)));
  });

  web.get('/confirm', async (c) => {
    const token = c.req.query('token');
    if (!isTokenShaped(token) || !(await linkIsValid(deps, 'confirm', token))) return c.html(expired(), 400);
    return c.html(
      layout(
        'Confirm your subscription',
        html`<h1>Confirm your subscription</h1>
<p>One last step: confirm that you want the daily Podbrief at this address.</p>
<form method="post" action="/confirm"><input type="hidden" name="token" value="${token}">
<button type="submit">Confirm my subscription</button></form>`,
      ),
    );
  });

  web.post('/confirm', async (c) => {
    const tooMany = await rateLimited(c, [[deps.limits.tokenPerIp, deps.info.clientIp(c)]]);
    if (tooMany) return tooMany;
    const token = (await c.req.parseBody())['token'];
    const userId = await useLink(deps, 'confirm', token);
    const user = userId === undefined ? undefined : await app.store.userById(userId);
    if (!user) return c.html(expired(), 400);
    await app.store.confirmUser(user.id, deps.now());
    await deps.sessions.signIn(c, user.id);
    app.log.info('web: subscription confirmed', { user_id: user.id });
    return c.html(
      layout(
        'You are subscribed',
        html`<h1>You are subscribed</h1>
<p class="notice" role="status">Your first brief arrives at ${String(user.deliveryHour).padStart(2, '0')}:00 (${user.timezone}).</p>
<p>Every brief has links to vote on insights and to change what you get.</p>
<p><a class="button" href="/account/preferences">Fine-tune your topics and shows</a></p>`,
        { user },
      ),
    );
  });
}

const expired = () =>
  layout(
    'Link expired',
    html`<h1>This link has expired or was already used</h1>
<p>Confirmation links work once, for 48 hours. <a href="/#signup">Sign up again</a> to get a new one, or <a href="/login">sign in</a> if you already confirmed.</p>`,
  );

function signupValues(body: Record<string, string | File | (string | File)[]>, defaults: SignupValues): SignupValues {
  const list = (v: unknown) => [v ?? []].flat().filter((x): x is string => typeof x === 'string');
  const one = (v: unknown) => list(v)[0] ?? '';
  const hour = Number(one(body['hour']) || defaults.hour);
  return {
    email: one(body['email']).trim(),
    interests: one(body['interests']).slice(0, 1000),
    topics: list(body['topic'])
      .slice(0, 20)
      .map((t) => t.slice(0, MAX_INTEREST_CHARS)),
    follows: list(body['follow'])
      .slice(0, 200)
      .map(Number)
      .filter((n) => Number.isSafeInteger(n) && n > 0),
    hour,
    timezone: one(body['timezone']).trim() || defaults.timezone,
  };
}

function validate(v: SignupValues): string[] {
  const problems: string[] = [];
  try {
    assertRecipient(v.email);
  } catch {
    problems.push('Enter one email address, like name@example.com.');
  }
  if (!Number.isInteger(v.hour) || v.hour < 0 || v.hour > 23) problems.push('Pick a delivery time.');
  if (!isValidTimeZone(v.timezone)) problems.push('Pick a time zone from the list.');
  return problems;
}

function interestsOf(v: Pick<SignupValues, 'interests' | 'topics'>): string[] {
  const all = [...v.interests.split(','), ...v.topics]
    .map((s) => s.trim().slice(0, MAX_INTEREST_CHARS))
    .filter(Boolean);
  return [...new Map(all.map((s) => [s.toLowerCase(), s])).values()].slice(0, MAX_INTERESTS);
}

/**
 * After the response: a new address becomes a pending subscriber with a confirmation link; a
 * pending one gets its choices replaced and a new link; an unsubscribed one a link to start
 * again; a subscribed one a sign-in link. Each link at most once per 10 minutes per address.
 */
async function signUp(deps: WebDeps<SignupApp>, values: SignupValues): Promise<void> {
  const { store } = deps.app;
  const choices = { interests: interestsOf(values), timezone: values.timezone, deliveryHour: values.hour };
  let user: User | undefined = await store.userByEmail(values.email);
  if (!user || user.confirmedAt === null) {
    if (!user) user = (await store.addUser({ email: values.email, ...choices, confirmed: false })).user;
    if (user.confirmedAt === null) {
      await store.updateUser(user.id, choices);
      const follows = new Set(values.follows);
      const known = (await store.profileOf(user.id)).followedFeedIds;
      for (const id of new Set([...known, ...follows])) await store.setFollow(user.id, id, follows.has(id));
      await emailLink(deps, user, 'confirm', 'confirm');
      return;
    }
  }
  if (user.status !== 'active') await emailLink(deps, user, 'confirm', 'resubscribe');
  else await emailLink(deps, user, 'login', 'already-subscribed');
}
