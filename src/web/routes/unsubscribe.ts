import type { Hono } from 'hono';
import type { UnsubscribeRouteDeps } from '../ports.js';
import { signedQuery, signedUser } from '../signed-user.js';
import { html } from '../views/html.js';
import { layout } from '../views/layout.js';

const invalid = () => layout('Invalid link', html`<h1>This unsubscribe link is not valid.</h1>`);

/**
 * GET shows a confirmation page (link scanners must not unsubscribe anyone);
 * POST unsubscribes at once, which is also the RFC 8058 one-click endpoint mail clients call.
 */
export function unsubscribeRoutes(web: Hono, app: UnsubscribeRouteDeps): void {
  web.get('/unsubscribe', async (c) => {
    const user = await signedUser(c, app, 'unsubscribe');
    if (!user) return c.html(invalid(), 400);
    return c.html(
      layout(
        'Unsubscribe',
        html`<h1>Unsubscribe ${user.email}?</h1><p>You will get no more daily briefs.</p>
<form method="post" action="/unsubscribe?${signedQuery(c)}"><button type="submit">Unsubscribe</button></form>`,
      ),
    );
  });

  web.post('/unsubscribe', async (c) => {
    const user = await signedUser(c, app, 'unsubscribe');
    if (!user) return c.html(invalid(), 400);
    await app.store.setUserStatus(user.id, 'unsubscribed');
    app.log.info('unsubscribed', { user_id: user.id });
    return c.html(
      layout('Unsubscribed', html`<h1>You are unsubscribed.</h1><p>${user.email} will get no more briefs.</p>`),
    );
  });
}
