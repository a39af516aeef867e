import type { Hono } from 'hono';
import type { PreferencesRouteDeps } from '../ports.js';
import { isValidTimeZone } from '../../briefs/index.js';
import type { User } from '../../model/user.js';
import { signedQuery, signedUser } from '../signed-user.js';
import { html } from '../views/html.js';
import { layout } from '../views/layout.js';

const invalid = () => layout('Invalid link', html`<h1>This preferences link is not valid.</h1>`);

/** A subscriber's interests, time zone and delivery hour, reached from the signed link in every brief. */
export function preferencesRoutes(web: Hono, app: PreferencesRouteDeps): void {
  web.get('/preferences', async (c) => {
    const user = await signedUser(c, app, 'preferences');
    if (!user) return c.html(invalid(), 400);
    return c.html(layout('Preferences', form(user, signedQuery(c))));
  });

  web.post('/preferences', async (c) => {
    const user = await signedUser(c, app, 'preferences');
    if (!user) return c.html(invalid(), 400);
    const body = await c.req.parseBody();
    const interests = [
      ...new Set(
        String(body.interests ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ].slice(0, 50);
    const timezone = String(body.timezone ?? '').trim();
    const hour = Number(body.hour);
    const problems = [
      ...(isValidTimeZone(timezone) ? [] : [`"${timezone}" is not a time zone`]),
      ...(Number.isInteger(hour) && hour >= 0 && hour <= 23 ? [] : ['the hour must be 0 to 23']),
    ];
    if (problems.length)
      return c.html(layout('Preferences', form({ ...user, interests }, signedQuery(c), problems)), 400);
    await app.store.updateUser(user.id, { interests, timezone, deliveryHour: hour });
    const updated = (await app.store.userById(user.id)) ?? user;
    return c.html(
      layout('Preferences', form(updated, signedQuery(c), [], 'Saved. Your next brief follows these preferences.')),
    );
  });
}

function form(user: User, query: string, problems: string[] = [], notice = '') {
  return html`<h1>Preferences for ${user.email}</h1>
${notice ? html`<p role="status">${notice}</p>` : ''}
${problems.length ? html`<ul role="alert">${problems.map((p) => html`<li>${p}</li>`)}</ul>` : ''}
<form method="post" action="/preferences?${query}">
<p><label>Interests (comma-separated)<br><input name="interests" size="60" value="${user.interests.join(', ')}"></label></p>
<p><label>Time zone<br><input name="timezone" value="${user.timezone}"></label></p>
<p><label>Delivery hour (0-23)<br><input name="hour" type="number" min="0" max="23" value="${user.deliveryHour}"></label></p>
<p><button type="submit">Save</button></p>
</form>
<p><a href="/profile?${query}">Shows you follow and what you want to hear about</a></p>`;
}
