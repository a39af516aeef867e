import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AccountPreferencesRouteDeps } from '../ports.js';
import { isValidTimeZone } from '../../briefs/index.js';
import { feedUrlKey, feedUrlProblems, type DirectoryResult } from '../../feeds/index.js';
import { errorMessage } from '../../model/errors.js';
import { ABOUT_MAX_CHARS, type User } from '../../model/user.js';
import type { FeedRow } from '../../store/types.js';
import { newFeedToken } from '../brief-feed.js';
import { followsOpml, importOpml, OPML_MAX_BYTES, type OpmlImport } from '../opml-io.js';
import { toLogin, type AccountDeps, type SubscriberAuth } from '../subscriber-auth.js';
import { accountPage, notice, problemList } from '../views/account-views.js';
import { html, type SafeHtml } from '../views/html.js';
import { layout } from '../views/layout.js';

/** Deleting the account needs a sign-in this recent. */
export const FRESH_SIGN_IN_MS = 10 * 60_000;
const SEARCH_RESULTS = 20;
const DIRECTORY_RESULTS = 8;
const FEED_URL_MAX_CHARS = 2000;
const MAX_INTERESTS = 50;
const INTEREST_MAX_CHARS = 100;

const NOTICES: Record<string, string> = {
  saved: 'Saved. Your next brief follows these preferences.',
  followed: 'Followed.',
  added: 'Added and followed: its episodes are fetched from the next poll on.',
  unfollowed: 'Unfollowed.',
  paused: 'Paused: you get no briefs until you resume.',
  resumed: 'Resumed: your briefs start again at your next delivery hour.',
  unsubscribed: 'Unsubscribed: you get no more briefs. You can re-subscribe here at any time.',
  resubscribed: 'Welcome back: your briefs start again at your next delivery hour.',
};

interface PageState {
  problems?: string[];
  notice?: string;
  /** Form values to show instead of the stored ones (after a validation error). */
  draft?: { interests: string; about: string; timezone: string; hour: string; only: boolean };
  /** The private feed's URLs, right after they were made: shown this once. */
  feedUrls?: { rss: string; json: string };
  imported?: OpmlImport;
}

/**
 * A signed-in subscriber's settings: topics, delivery time, followed shows (search, OPML in and
 * out), the private feed, pause, unsubscribe and account deletion. GET never changes anything.
 */
export function accountPreferencesRoutes(
  web: Hono,
  app: AccountPreferencesRouteDeps,
  auth: SubscriberAuth,
  deps: AccountDeps,
): void {
  const render = async (c: Context, user: User, state: PageState = {}, status: 200 | 400 = 200) => {
    const q = (c.req.query('q') ?? '').slice(0, 200);
    const [profile, feeds, hasFeed, results] = await Promise.all([
      app.store.profileOf(user.id),
      app.store.listFeeds(),
      app.store.feedTokenHashOf(user.id),
      q.trim() ? app.store.searchFeeds(q, SEARCH_RESULTS) : Promise.resolve(undefined),
    ]);
    const directory = q.trim() ? await directoryResults(q.trim(), feeds) : undefined;
    const followedIds = new Set(profile.followedFeedIds);
    const followed = feeds.filter((f) => followedIds.has(f.id));
    const draft = state.draft ?? {
      interests: user.interests.join(', '),
      about: profile.about,
      timezone: user.timezone,
      hour: String(user.deliveryHour),
      only: profile.onlyFollowed,
    };
    const key = c.req.query('done');
    const body = html`<h1>Preferences</h1>
${notice(state.notice ?? (key ? NOTICES[key] : undefined))}
${problemList(state.problems ?? [])}
${state.feedUrls ? feedUrlsCard(state.feedUrls) : ''}
${state.imported ? importReport(state.imported) : ''}
${briefForm(draft)}
${showsCard(followed, followedIds, q, results, directory, draft.only)}
${feedCard(Boolean(hasFeed))}
${statusCard(user)}
${deleteCard(user)}`;
    c.header('Cache-Control', 'no-store');
    return c.html(accountPage('Preferences', user, 'preferences', body), status);
  };

  /** Directory shows the store does not know yet; a failing directory only hides this list. */
  const directoryResults = async (q: string, known: FeedRow[]): Promise<DirectoryResult[] | undefined> => {
    if (!deps.searchDirectories) return undefined;
    try {
      const knownKeys = new Set(known.map((f) => feedUrlKey(f.url)));
      const found = await deps.searchDirectories(q);
      return found.filter((r) => !knownKeys.has(feedUrlKey(r.feedUrl))).slice(0, DIRECTORY_RESULTS);
    } catch (err) {
      app.log.warn('directory search failed', { error: errorMessage(err) });
      return undefined;
    }
  };

  /** Runs `fn` for the signed-in user; POSTs without a session go to the login page. */
  const signedIn =
    (fn: (c: Context, user: User) => Promise<Response>) =>
    async (c: Context): Promise<Response> => {
      const user = await auth.currentUser(c);
      if (!user) return toLogin(c, c.req.method === 'GET' ? undefined : '/account/preferences');
      return fn(c, user);
    };
  const done = (c: Context, key: keyof typeof NOTICES, anchor: string) =>
    c.redirect(`/account/preferences?done=${key}#${anchor}`, 303);

  web.get(
    '/account/preferences',
    signedIn((c, user) => render(c, user)),
  );

  web.post(
    '/account/preferences',
    signedIn(async (c, user) => {
      const body = await c.req.parseBody();
      const draft = {
        interests: String(body.interests ?? ''),
        about: String(body.about ?? ''),
        timezone: String(body.timezone ?? '').trim(),
        hour: String(body.hour ?? '').trim(),
        only: body.only === 'on',
      };
      const interests = [
        ...new Set(
          draft.interests
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ];
      const hour = Number(draft.hour);
      const problems = [
        ...(isValidTimeZone(draft.timezone) ? [] : [`"${draft.timezone}" is not a time zone (e.g. Europe/Berlin).`]),
        ...(draft.hour !== '' && Number.isInteger(hour) && hour >= 0 && hour <= 23
          ? []
          : ['The delivery hour must be a whole number from 0 to 23.']),
        ...(interests.length > MAX_INTERESTS ? [`At most ${MAX_INTERESTS} interests.`] : []),
        ...(interests.some((i) => i.length > INTEREST_MAX_CHARS)
          ? [`Each interest can be at most ${INTEREST_MAX_CHARS} characters.`]
          : []),
        ...(draft.about.length > ABOUT_MAX_CHARS
          ? [`The description can be at most ${ABOUT_MAX_CHARS} characters (it has ${draft.about.length}).`]
          : []),
      ];
      if (problems.length) return render(c, user, { problems, draft }, 400);
      await app.store.updateUser(user.id, { interests, timezone: draft.timezone, deliveryHour: hour });
      await app.store.updateProfile(user.id, { about: draft.about.trim(), onlyFollowed: draft.only });
      return done(c, 'saved', 'brief');
    }),
  );

  web.post(
    '/account/follows',
    signedIn(async (c, user) => {
      const body = await c.req.parseBody();
      const feed = await app.store.feedById(Number(body.feed));
      const follow = body.action === 'follow';
      if (!feed || (!follow && body.action !== 'unfollow'))
        return render(c, user, { problems: ['That show could not be found.'] }, 400);
      await app.store.setFollow(user.id, feed.id, follow);
      return done(c, follow ? 'followed' : 'unfollowed', 'shows');
    }),
  );

  web.post(
    '/account/follows/add',
    signedIn(async (c, user) => {
      const body = await c.req.parseBody();
      const url = String(body.url ?? '').trim();
      if (url === '' || url.length > FEED_URL_MAX_CHARS)
        return render(c, user, { problems: ['That feed address could not be used.'] }, 400);
      // The same checks as `feeds add` and the OPML import: http(s) only, no private addresses.
      const [problem] = await feedUrlProblems([url], app.fetchOptions('feed'));
      if (problem !== undefined) return render(c, user, { problems: [problem] }, 400);
      const { feed, created } = await app.store.addFeed(url);
      await app.store.setFollow(user.id, feed.id, true);
      app.log.info('directory follow', { user_id: user.id, feed_id: feed.id, created });
      return done(c, 'added', 'shows');
    }),
  );

  web.post(
    '/account/opml',
    bodyLimit({
      maxSize: OPML_MAX_BYTES + 64 * 1024,
      onError: async (c) => {
        // The rest of the upload is not read: the connection cannot carry another request.
        c.header('Connection', 'close');
        const user = await auth.currentUser(c);
        if (!user) return toLogin(c, '/account/preferences');
        return render(
          c,
          user,
          { problems: [`The file is larger than ${OPML_MAX_BYTES / 1024} KB; nothing was imported.`] },
          400,
        );
      },
    }),
    signedIn(async (c, user) => {
      const body = await c.req.parseBody();
      const file = body.opml;
      if (!(file instanceof File) || file.size === 0)
        return render(c, user, { problems: ['Choose an OPML file to import.'] }, 400);
      const imported = await importOpml(
        app.store,
        user.id,
        new Uint8Array(await file.arrayBuffer()),
        app.fetchOptions('feed'),
      );
      app.log.info('opml import', { user_id: user.id, followed: imported.followed, added: imported.added });
      return render(c, user, { imported }, imported.followed === 0 && imported.problems.length ? 400 : 200);
    }),
  );

  web.get(
    '/account/follows.opml',
    signedIn(async (c, user) => {
      const [profile, feeds] = await Promise.all([app.store.profileOf(user.id), app.store.listFeeds()]);
      const ids = new Set(profile.followedFeedIds);
      c.header('Content-Type', 'text/x-opml; charset=utf-8');
      c.header('Content-Disposition', 'attachment; filename="podbrief-follows.opml"');
      c.header('Cache-Control', 'no-store');
      return c.body(
        followsOpml(
          feeds.filter((f) => ids.has(f.id)),
          user.email,
          deps.now(),
        ),
      );
    }),
  );

  web.post(
    '/account/feed-token',
    signedIn(async (c, user) => {
      const { token, hash } = newFeedToken();
      await app.store.setFeedTokenHash(user.id, hash);
      const base = new URL(app.config.publicUrl).href.replace(/\/+$/, '');
      app.log.info('private feed token set', { user_id: user.id });
      return render(c, user, {
        notice: 'Your private feed address is ready. Copy it now: it is shown only this once.',
        feedUrls: { rss: `${base}/feeds/${token}.rss`, json: `${base}/feeds/${token}.json` },
      });
    }),
  );

  const statusChange = (path: string, key: keyof typeof NOTICES, change: (user: User) => Promise<void>) =>
    web.post(
      path,
      signedIn(async (c, user) => {
        await change(user);
        app.log.info(`account ${key}`, { user_id: user.id });
        return done(c, key, 'status');
      }),
    );
  statusChange('/account/pause', 'paused', (u) => app.store.setPaused(u.id, deps.now()));
  statusChange('/account/resume', 'resumed', (u) => app.store.setPaused(u.id, null));
  statusChange('/account/unsubscribe', 'unsubscribed', (u) => app.store.setUserStatus(u.id, 'unsubscribed'));
  statusChange('/account/resubscribe', 'resubscribed', (u) => app.store.setUserStatus(u.id, 'active'));

  web.post(
    '/account/delete',
    signedIn(async (c, user) => {
      const signedInAt = await auth.signedInAt(c);
      const age = signedInAt ? deps.now().getTime() - signedInAt.getTime() : Number.POSITIVE_INFINITY;
      if (!(age >= -60_000 && age <= FRESH_SIGN_IN_MS))
        return toLogin(c, '/account/preferences#delete', 'fresh-sign-in');
      const body = await c.req.parseBody();
      if (
        String(body.confirm ?? '')
          .trim()
          .toLowerCase() !== user.email.toLowerCase()
      )
        return render(c, user, { problems: ['To delete your account, type your email address exactly.'] }, 400);
      await app.store.deleteUserData(user.id);
      await auth.signOut?.(c);
      app.log.info('account deleted', { user_id: user.id });
      // No account navigation: it would lead nowhere now.
      return c.html(
        layout(
          'Account deleted',
          html`<h1>Your account is deleted.</h1>
<div class="card"><p>Your briefs, feedback, followed shows and settings are erased. You will get no more email from us.</p>
<p><a href="/">Back to Podbrief</a></p></div>`,
        ),
      );
    }),
  );
}

function hourOptions(selected: string): SafeHtml {
  return html`${Array.from({ length: 24 }, (_, h) => html`<option value="${h}"${String(h) === selected ? html` selected` : ''}>${String(h).padStart(2, '0')}:00</option>`)}`;
}

let zones: string[] | undefined;
function timeZones(): string[] {
  zones ??= ['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')];
  return zones;
}

function briefForm(draft: NonNullable<PageState['draft']>): SafeHtml {
  const hourKnown = /^(?:[0-9]|1[0-9]|2[0-3])$/.test(draft.hour);
  return html`<section class="card" id="brief" aria-labelledby="brief-h">
<h2 id="brief-h">Your brief</h2>
<form class="stack" method="post" action="/account/preferences">
<label for="interests">Interests <span class="hint">Comma-separated, e.g. open-source models, sleep science</span></label>
<input id="interests" name="interests" type="text" value="${draft.interests}" autocomplete="off">
<label for="about">What do you want to hear about? <span class="hint">In your own words, up to ${ABOUT_MAX_CHARS} characters</span></label>
<textarea id="about" name="about" rows="4" maxlength="${ABOUT_MAX_CHARS}">${draft.about}</textarea>
<label class="check"><input type="checkbox" name="only"${draft.only ? html` checked` : ''}> Only insights from the shows I follow</label>
<div class="row">
<div><label for="hour">Delivery time</label>
<select id="hour" name="hour">${hourKnown ? '' : html`<option value="${draft.hour}" selected>${draft.hour || 'choose'}</option>`}${hourOptions(draft.hour)}</select></div>
<div><label for="timezone">Time zone</label>
<input id="timezone" name="timezone" type="text" list="zones" value="${draft.timezone}" autocomplete="off" spellcheck="false"></div>
</div>
<datalist id="zones">${timeZones().map((z) => html`<option value="${z}">`)}</datalist>
<div class="actions"><button type="submit">Save</button></div>
</form>
</section>`;
}

function showsCard(
  followed: FeedRow[],
  followedIds: Set<number>,
  q: string,
  results: FeedRow[] | undefined,
  directory: DirectoryResult[] | undefined,
  onlyFollowed: boolean,
): SafeHtml {
  const followForm = (f: FeedRow, action: 'follow' | 'unfollow') =>
    html`<form class="inline" method="post" action="/account/follows"><input type="hidden" name="feed" value="${f.id}"><input type="hidden" name="action" value="${action}"><button class="${action === 'follow' ? 'secondary small' : 'quiet small'}" type="submit">${action === 'follow' ? 'Follow' : 'Unfollow'}<span class="sr-only"> ${f.title ?? f.url}</span></button></form>`;
  return html`<section class="card" id="shows" aria-labelledby="shows-h">
<h2 id="shows-h">Shows you follow</h2>
<p class="muted">${onlyFollowed ? 'Your brief has only insights from these shows.' : 'Insights from these shows rank higher; other shows still appear. (Change this under "Your brief".)'}</p>
${
  followed.length
    ? html`<ul class="plain">${followed.map((f) => html`<li><span class="title">${f.title ?? f.url}</span>${followForm(f, 'unfollow')}</li>`)}</ul>`
    : html`<p>You follow no shows yet.</p>`
}
<h3>Add a show</h3>
<form method="get" action="/account/preferences#shows" role="search" class="search">
<label for="q" class="sr-only">Search shows by title</label><input id="q" name="q" type="search" value="${q}" placeholder="Search shows">
<button class="secondary" type="submit">Search</button>
</form>
${
  results === undefined
    ? ''
    : results.length === 0
      ? directory?.length
        ? html`<p role="status">No show Podbrief knows matches “${q}”; the podcast directories found these.</p>`
        : html`<p role="status">No show matches “${q}”. Import an OPML file below to add shows we do not know yet.</p>`
      : html`<ul class="plain" aria-label="Search results">${results.map((f) => html`<li><span class="title">${f.title ?? f.url}</span>${followedIds.has(f.id) ? html`<span class="muted">Following</span>` : followForm(f, 'follow')}</li>`)}</ul>`
}
${directory?.length ? directoryList(directory) : ''}
<h3 id="opml">Import or export (OPML)</h3>
<p class="muted">Move your subscriptions from another podcast app: export them there as OPML and import the file here.</p>
<form class="stack" method="post" action="/account/opml" enctype="multipart/form-data">
<label for="opml-file">OPML file <span class="hint">up to ${OPML_MAX_BYTES / 1024} KB</span></label>
<div class="upload"><input id="opml-file" name="opml" type="file" accept=".opml,.xml,text/x-opml,application/xml,text/xml">
<button class="secondary" type="submit">Import</button></div>
</form>
<p><a href="/account/follows.opml" download>Download the shows you follow (OPML)</a></p>
</section>`;
}

function directoryList(found: DirectoryResult[]): SafeHtml {
  return html`<h4 id="directory-h">From podcast directories</h4>
<ul class="plain" aria-labelledby="directory-h">${found.map((r) => html`<li><span class="title">${r.title}</span>${r.author ? html` <span class="muted">${r.author}</span>` : ''}<form class="inline" method="post" action="/account/follows/add"><input type="hidden" name="url" value="${r.feedUrl}"><button class="secondary small" type="submit">Add and follow<span class="sr-only"> ${r.title}</span></button></form></li>`)}</ul>`;
}

function importReport(r: OpmlImport): SafeHtml {
  return html`<section class="card" aria-labelledby="import-h" role="status"><h2 id="import-h">OPML import</h2>
<p>Now following ${r.followed} more show${r.followed === 1 ? '' : 's'}${r.added ? html` (${r.added} new to Podbrief: their episodes are fetched from now on)` : ''}${r.alreadyFollowed ? html`; ${r.alreadyFollowed} you already followed` : ''}.</p>
${problemList(r.problems)}</section>`;
}

function feedUrlsCard(urls: { rss: string; json: string }): SafeHtml {
  return html`<section class="card" aria-labelledby="feedurl-h"><h2 id="feedurl-h">Your private feed</h2>
<p>RSS: <code class="secret">${urls.rss}</code></p>
<p>JSON Feed: <code class="secret">${urls.json}</code></p>
<p class="muted">Anyone with this address can read your briefs. It is shown only now; reset it below if it leaks.</p></section>`;
}

function feedCard(hasFeed: boolean): SafeHtml {
  return html`<section class="card" id="feed" aria-labelledby="feed-h">
<h2 id="feed-h">Private feed</h2>
<p>Read your briefs in a feed reader (RSS or JSON Feed), one item per day.</p>
${hasFeed ? html`<p class="muted">You have a private feed address. For your safety it is not shown again; resetting makes a new one and the old one stops working.</p>` : ''}
<form method="post" action="/account/feed-token"><button class="secondary" type="submit">${hasFeed ? 'Reset the feed address' : 'Create a feed address'}</button></form>
</section>`;
}

function statusCard(user: User): SafeHtml {
  const button = (path: string, label: string, cls = '') =>
    html`<form class="inline" method="post" action="${path}"><button type="submit"${cls ? html` class="${cls}"` : ''}>${label}</button></form>`;
  const subscribed = user.status === 'active';
  return html`<section class="card" id="status" aria-labelledby="status-h">
<h2 id="status-h">Pause or unsubscribe</h2>
<p>${
    !subscribed
      ? 'You are unsubscribed: you get no briefs.'
      : user.pausedAt
        ? 'Your briefs are paused.'
        : 'You get a brief every day.'
  }</p>
<div class="actions">
${subscribed ? (user.pausedAt ? button('/account/resume', 'Resume my briefs') : button('/account/pause', 'Pause my briefs', 'secondary')) : ''}
${subscribed ? button('/account/unsubscribe', 'Unsubscribe', 'quiet') : button('/account/resubscribe', 'Re-subscribe')}
</div>
</section>`;
}

function deleteCard(user: User): SafeHtml {
  return html`<section class="card danger-zone" id="delete" aria-labelledby="delete-h">
<h2 id="delete-h">Delete your account</h2>
<p>This erases your briefs, feedback, followed shows and settings at once. It cannot be undone. For your safety it needs a sign-in within the last ${FRESH_SIGN_IN_MS / 60_000} minutes.</p>
<form class="stack" method="post" action="/account/delete">
<label for="confirm">Type your email address (${user.email}) to confirm</label>
<input id="confirm" name="confirm" type="email" autocomplete="off" required>
<div class="actions"><button class="danger" type="submit">Delete my account</button></div>
</form>
</section>`;
}
