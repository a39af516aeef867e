import type { Context, Hono } from 'hono';
import type { FeedbackRouteDeps } from '../ports.js';
import { timestampUrl } from '../../briefs/index.js';
import { isVote, parseListenToken, verifyFeedback, type Vote } from '../../delivery/index.js';
import { recordFeedback } from '../../profiles/record-feedback.js';
import { html } from '../views/html.js';
import { layout } from '../views/layout.js';

const LABEL: Record<Vote, string> = {
  up: '👍 Useful',
  down: '👎 Not useful',
  more: 'More like this',
  less: 'Less like this',
};

const invalid = () => layout('Invalid link', html`<h1>This feedback link is not valid.</h1>`);

/** A verified feedback link: `?u=&i=&v=&t=` signed for that user, insight and vote. */
function signedFeedback(
  c: Context,
  app: Pick<FeedbackRouteDeps, 'verifyKeys'>,
): { userId: number; insightId: number; vote: Vote } | undefined {
  const userId = Number(c.req.query('u'));
  const insightId = Number(c.req.query('i'));
  const vote = c.req.query('v');
  if (
    !Number.isSafeInteger(userId) ||
    !isVote(vote) ||
    !verifyFeedback(userId, insightId, vote, c.req.query('t') ?? '', app.verifyKeys)
  )
    return undefined;
  return { userId, insightId, vote };
}

/**
 * Feedback from the email and the web brief. GET only shows what would be recorded, with a
 * button: link scanners prefetch every link of a message and must not vote. POST records it.
 * `/t/<signed>` records a listen click and redirects to the stored timestamp URL only.
 */
export function feedbackRoutes(web: Hono, app: FeedbackRouteDeps): void {
  web.get('/feedback', async (c) => {
    const link = signedFeedback(c, app);
    const user = link && (await app.store.userById(link.userId));
    if (!link || !user) return c.html(invalid(), 400);
    const insight = await app.store.insightById(link.insightId);
    const query = new URL(c.req.url).search;
    return c.html(
      layout(
        'Feedback',
        html`<h1>${LABEL[link.vote]}?</h1>
<p>${insight ? html`“${insight.headline}” <span class="muted">(${insight.podcastTitle})</span>` : 'This insight'}</p>
<p class="muted">Your next briefs will have ${link.vote === 'up' || link.vote === 'more' ? 'more' : 'fewer'} insights like this one.</p>
<form method="post" action="/feedback${query}"><button type="submit">${LABEL[link.vote]}</button></form>`,
      ),
    );
  });

  web.post('/feedback', async (c) => {
    const link = signedFeedback(c, app);
    const user = link && (await app.store.userById(link.userId));
    if (!link || !user) return c.html(invalid(), 400);
    const outcome = await recordFeedback(app.store, user.id, link.insightId, link.vote);
    if (!outcome.recorded) return c.html(layout('Feedback', html`<h1>That insight is no longer available.</h1>`), 404);
    app.log.info('feedback', { user_id: user.id, insight_id: link.insightId, vote: link.vote });
    return c.html(
      layout(
        'Thanks',
        html`<h1>Thanks: recorded ${LABEL[link.vote]}.</h1><p>Tomorrow's brief takes it into account.</p>`,
      ),
    );
  });

  web.get('/t/:token', async (c) => {
    const link = parseListenToken(c.req.param('token'), app.verifyKeys);
    const insight = link && (await app.store.insightById(link.insightId));
    const target = insight && timestampUrl(insight.audioUrl, insight.episodeLink, insight.start);
    if (!link || !insight || !target) return c.html(layout('Not found', html`<h1>This link is not valid.</h1>`), 404);
    const user = await app.store.userById(link.userId);
    if (user) await recordFeedback(app.store, user.id, insight.id, 'click');
    return c.redirect(target, 302);
  });
}
