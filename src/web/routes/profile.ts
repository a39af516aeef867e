import type { Hono } from 'hono';
import type { ProfileRouteDeps } from '../ports.js';
import { ABOUT_MAX_CHARS } from '../../model/user.js';
import type { FeedRow, ProfileRow } from '../../store/types.js';
import { signedQuery, signedUser } from '../signed-user.js';
import { html } from '../views/html.js';
import { layout } from '../views/layout.js';

const invalid = () => layout('Invalid link', html`<h1>This link is not valid.</h1>`);

/** What the subscriber wants in their own words and the shows they follow; same signed link as preferences. */
export function profileRoutes(web: Hono, app: ProfileRouteDeps): void {
  web.get('/profile', async (c) => {
    const user = await signedUser(c, app, 'preferences');
    if (!user) return c.html(invalid(), 400);
    const [profile, feeds] = await Promise.all([app.store.profileOf(user.id), app.store.listFeeds()]);
    return c.html(layout('Your shows and topics', form(user.email, profile, feeds, signedQuery(c))));
  });

  web.post('/profile', async (c) => {
    const user = await signedUser(c, app, 'preferences');
    if (!user) return c.html(invalid(), 400);
    const body = await c.req.parseBody({ all: true });
    const feeds = await app.store.listFeeds();
    const chosen = new Set([body.follow ?? []].flat().map(Number));
    for (const feed of feeds) await app.store.setFollow(user.id, feed.id, chosen.has(feed.id));
    await app.store.updateProfile(user.id, {
      about: String(body.about ?? '')
        .slice(0, ABOUT_MAX_CHARS)
        .trim(),
      onlyFollowed: body.only === 'on',
    });
    const profile = await app.store.profileOf(user.id);
    return c.html(
      layout(
        'Your shows and topics',
        form(user.email, profile, feeds, signedQuery(c), 'Saved. Your next brief follows these choices.'),
      ),
    );
  });
}

function form(email: string, profile: ProfileRow, feeds: FeedRow[], query: string, notice = '') {
  const followed = new Set(profile.followedFeedIds);
  return html`<h1>Shows and topics for ${email}</h1>
${notice ? html`<p role="status">${notice}</p>` : ''}
<form method="post" action="/profile?${query}">
<p><label>What do you want to hear about? (in your own words)<br><textarea name="about" rows="4" cols="60">${profile.about}</textarea></label></p>
<fieldset><legend>Shows you follow</legend>
${feeds.map((f) => html`<label><input type="checkbox" name="follow" value="${f.id}"${followed.has(f.id) ? html` checked` : ''}> ${f.title ?? f.url}</label><br>`)}
</fieldset>
<p><label><input type="checkbox" name="only"${profile.onlyFollowed ? html` checked` : ''}> Only insights from the shows I follow</label></p>
<p><button type="submit">Save</button></p>
</form>`;
}
