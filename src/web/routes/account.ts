import type { Hono } from 'hono';
import type { AccountRouteDeps } from '../ports.js';
import { localTime } from '../../briefs/index.js';
import { isVote, listenUrl, type Vote } from '../../delivery/index.js';
import type { Brief } from '../../model/brief.js';
import type { User } from '../../model/user.js';
import { recordFeedback } from '../../profiles/record-feedback.js';
import { toLogin, type AccountDeps, type SubscriberAuth } from '../subscriber-auth.js';
import { accountPage, briefCards, briefDateLabel, voteTags } from '../views/account-views.js';
import { html } from '../views/html.js';

export const ARCHIVE_PAGE_SIZE = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A signed-in subscriber's briefs: today's (or the latest), the archive, one past brief, and
 * feedback on their insights. Everything is the session user's own; nothing else is reachable.
 */
export function accountRoutes(web: Hono, app: AccountRouteDeps, auth: SubscriberAuth, deps: AccountDeps): void {
  const cardOptions = async (user: User, brief: Brief, back: string) => {
    // Votes on a brief's insights come after its (local) date began.
    const since = new Date(Date.parse(`${brief.date}T00:00:00Z`) - 2 * 86_400_000);
    const feedback = await app.store.feedbackOf(user.id, Number.isNaN(since.getTime()) ? new Date(0) : since);
    return {
      listenUrl: (insightId: number) => listenUrl(app.config.publicUrl, user.id, insightId, app.secret),
      votes: new Map(feedback.filter((f) => f.value !== 'click').map((f) => [f.insightId, f.value])),
      back,
    };
  };

  web.get('/account', async (c) => {
    const user = await auth.currentUser(c);
    if (!user) return toLogin(c);
    const today = localTime(deps.now(), user.timezone).date;
    const brief = (await app.store.briefFor(user.id, today)) ?? (await app.store.latestBrief(user.id));
    const status =
      user.status !== 'active'
        ? 'You are unsubscribed: no briefs are sent.'
        : user.pausedAt
          ? 'Your briefs are paused.'
          : undefined;
    const body = brief
      ? html`<h1>${brief.date === today ? "Today's brief" : 'Your latest brief'} <span class="muted">${briefDateLabel(brief.date)}</span></h1>
${status ? html`<p class="notice">${status} <a href="/account/preferences#status">Change this</a></p>` : ''}
${brief.date === today ? '' : html`<p class="muted">Today's brief is not ready yet; it comes at ${String(user.deliveryHour).padStart(2, '0')}:00 (${user.timezone}).</p>`}
${briefCards(brief, await cardOptions(user, brief, '/account'))}`
      : html`<h1>Today's brief</h1>
${status ? html`<p class="notice">${status}</p>` : ''}
<div class="card"><h2>No brief yet</h2><p>Your first brief comes at ${String(user.deliveryHour).padStart(2, '0')}:00 (${user.timezone}), once new episodes match what you follow.</p>
<p><a href="/account/preferences">Tell us what you want to hear about</a></p></div>`;
    return c.html(accountPage("Today's brief", user, 'today', body));
  });

  web.get('/account/archive', async (c) => {
    const user = await auth.currentUser(c);
    if (!user) return toLogin(c);
    const total = await app.store.countBriefsByUser(user.id);
    const pages = Math.max(1, Math.ceil(total / ARCHIVE_PAGE_SIZE));
    const requested = Number(c.req.query('page') ?? '1');
    const page = Number.isInteger(requested) && requested >= 1 ? Math.min(requested, pages) : 1;
    const briefs = await app.store.briefsByUser(user.id, {
      limit: ARCHIVE_PAGE_SIZE,
      offset: (page - 1) * ARCHIVE_PAGE_SIZE,
    });
    // The votes on this page's insights, to show beside each headline.
    const oldest = briefs.at(-1)?.date;
    const since = oldest ? new Date(Date.parse(`${oldest}T00:00:00Z`) - 2 * 86_400_000) : new Date();
    const votes = new Map<number, Vote[]>();
    for (const f of await app.store.feedbackOf(user.id, Number.isNaN(since.getTime()) ? new Date(0) : since))
      if (isVote(f.value)) votes.set(f.insightId, [...(votes.get(f.insightId) ?? []), f.value]);
    const body = html`<h1>Archive</h1>
${
  briefs.length === 0
    ? html`<p class="card muted">No briefs yet.</p>`
    : html`<ol class="plain archive" aria-label="Past briefs, newest first">
${briefs.map(
  (b) => html`<li class="card"><p class="eyebrow">${briefDateLabel(b.date)}</p>
<h2><a href="/account/briefs/${b.date}">${b.items[0]?.headline ?? 'Empty brief'}</a></h2>
<details><summary>All ${b.items.length} insight${b.items.length === 1 ? '' : 's'}</summary>
<ol>${b.items.map((item) => html`<li>${item.headline} <span class="muted">(${item.podcastTitle})</span>${voteTags(votes.get(item.insightId))}</li>`)}</ol>
</details></li>`,
)}
</ol>`
}
${
  pages > 1
    ? html`<nav class="pager" aria-label="Archive pages">
${page > 1 ? html`<a class="button secondary" rel="prev" href="/account/archive?page=${page - 1}">← Newer</a>` : html`<span></span>`}
<span class="muted">Page ${page} of ${pages}</span>
${page < pages ? html`<a class="button secondary" rel="next" href="/account/archive?page=${page + 1}">Older →</a>` : html`<span></span>`}
</nav>`
    : ''
}`;
    return c.html(accountPage('Archive', user, 'archive', body));
  });

  web.get('/account/briefs/:date', async (c) => {
    const user = await auth.currentUser(c);
    if (!user) return toLogin(c);
    const date = c.req.param('date');
    const brief = DATE.test(date) ? await app.store.briefFor(user.id, date) : undefined;
    if (!brief)
      return c.html(
        accountPage(
          'Not found',
          user,
          'archive',
          html`<h1>No brief for that date</h1><p><a href="/account/archive">Back to the archive</a></p>`,
        ),
        404,
      );
    const body = html`<h1>Your brief <span class="muted">${briefDateLabel(brief.date)}</span></h1>
${briefCards(brief, await cardOptions(user, brief, `/account/briefs/${brief.date}`))}
<p><a href="/account/archive">Back to the archive</a></p>`;
    return c.html(accountPage(`Brief of ${brief.date}`, user, 'archive', body));
  });

  // A vote from a signed-in page: no signed link, only insights of the user's own briefs.
  web.post('/account/feedback', async (c) => {
    const user = await auth.currentUser(c);
    if (!user) return toLogin(c, '/account');
    const body = await c.req.parseBody();
    const insightId = Number(body.insight);
    const vote = body.vote;
    const back =
      typeof body.back === 'string' && /^\/account(\/briefs\/\d{4}-\d{2}-\d{2})?$/.test(body.back)
        ? body.back
        : '/account';
    const feedbackProblem = (headline: string) =>
      accountPage('Feedback', user, undefined, html`<h1>${headline}</h1><p><a href="${back}">Back</a></p>`);
    if (!Number.isSafeInteger(insightId) || !isVote(vote) || !(await app.store.wasSentTo(user.id, insightId)))
      return c.html(feedbackProblem('That feedback could not be recorded.'), 400);
    const outcome = await recordFeedback(app.store, user.id, insightId, vote, deps.now());
    if (!outcome.recorded) return c.html(feedbackProblem('That insight is no longer available.'), 404);
    app.log.info('feedback', { user_id: user.id, insight_id: insightId, vote, via: 'account' });
    return c.redirect(`${back}#i-${insightId}`, 303);
  });
}
