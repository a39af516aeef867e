import type { Hono } from 'hono';
import { assertRecipient } from '../../model/email-address.js';
import { emailLink, linkIsValid, useLink } from '../account-links.js';
import type { WebDeps } from '../deps.js';
import type { LoginApp } from '../ports.js';
import { rateLimited } from '../rate-limited.js';
import { safeNext } from '../session.js';
import { isTokenShaped } from '../tokens.js';
import { html } from '../views/html.js';
import { layout } from '../views/layout.js';

/**
 * Magic-link sign-in. POST /login answers the same whether or not the address is subscribed and
 * sends the link after the response; the link's GET shows a button, its POST signs in.
 */
export function loginRoutes(web: Hono, deps: WebDeps<LoginApp>): void {
  const { app } = deps;

  web.get('/login', async (c) => {
    const user = await deps.sessions.currentUser(c);
    const next = safeNext(c.req.query('next'));
    if (user)
      return c.html(
        layout(
          'Signed in',
          html`<h1>You are signed in</h1><p>as <strong>${user.email}</strong>.</p><p><a href="${next}">Continue</a></p>`,
          { user },
        ),
      );
    return c.html(layout('Sign in', loginForm(next)));
  });

  web.post('/login', async (c) => {
    const ip = deps.info.clientIp(c);
    const tooMany = await rateLimited(c, [[deps.limits.loginPerIp, ip]]);
    if (tooMany) return tooMany;
    const body = await c.req.parseBody();
    const email = String(body['email'] ?? '').trim();
    const next = safeNext(body['next']);
    try {
      assertRecipient(email);
    } catch {
      return c.html(layout('Sign in', loginForm(next, email, 'Enter one email address, like name@example.com.')), 400);
    }
    const perEmail = await rateLimited(c, [[deps.limits.loginPerEmail, email.toLowerCase()]]);
    if (perEmail) return perEmail;
    deps.background.run('sign-in link', async () => {
      const user = await app.store.userByEmail(email);
      if (!user) return;
      // An address that never confirmed gets its confirmation link again, and nothing else.
      if (user.confirmedAt === null) await emailLink(deps, user, 'confirm', 'confirm');
      else await emailLink(deps, user, 'login', 'sign-in', next);
    });
    return c.html(
      layout(
        'Check your inbox',
        html`<h1>Check your inbox</h1>
<p class="notice" role="status">If <strong>${email}</strong> gets Podbrief, a sign-in link is on its way. It works for 20 minutes.</p>
<p>Not subscribed yet? <a href="/#signup">Get your free brief</a>.</p>`,
      ),
    );
  });

  web.get('/login/verify', async (c) => {
    const token = c.req.query('token');
    if (!isTokenShaped(token) || !(await linkIsValid(deps, 'login', token))) return c.html(expired(), 400);
    return c.html(
      layout(
        'Sign in',
        html`<h1>Sign in to Podbrief</h1>
<form method="post" action="/login/verify"><input type="hidden" name="token" value="${token}">
<input type="hidden" name="next" value="${safeNext(c.req.query('next'))}">
<button type="submit">Sign in</button></form>`,
      ),
    );
  });

  web.post('/login/verify', async (c) => {
    const tooMany = await rateLimited(c, [[deps.limits.tokenPerIp, deps.info.clientIp(c)]]);
    if (tooMany) return tooMany;
    const body = await c.req.parseBody();
    const token = body['token'];
    const userId = await useLink(deps, 'login', token);
    const user = userId === undefined ? undefined : await app.store.userById(userId);
    if (!user || user.confirmedAt === null) return c.html(expired(), 400);
    await deps.sessions.signIn(c, user.id);
    app.log.info('web: signed in', { user_id: user.id });
    return c.redirect(safeNext(body['next']), 303);
  });

  web.post('/logout', async (c) => {
    await deps.sessions.signOut(c);
    return c.redirect('/', 303);
  });
}

function loginForm(next: string, email = '', problem = '') {
  return html`<h1>Sign in</h1>
<p>We email you a link that signs you in. No password needed.</p>
${problem ? html`<p role="alert">${problem}</p>` : ''}
<form method="post" action="/login">
<div class="field"><label for="email">Your email</label>
<input id="email" name="email" type="email" required maxlength="254" autocomplete="email" value="${email}"></div>
<input type="hidden" name="next" value="${next}">
<button type="submit">Email me a sign-in link</button>
</form>
<p class="muted">Not subscribed yet? <a href="/#signup">Get your free brief</a>.</p>`;
}

const expired = () =>
  layout(
    'Link expired',
    html`<h1>This sign-in link has expired</h1><p>Sign-in links work for 20 minutes. <a href="/login">Get a new one</a>.</p>`,
  );
