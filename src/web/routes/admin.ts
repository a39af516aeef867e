import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import { renderBriefEmail } from '../../delivery/index.js';
import { adminAuth } from '../admin-auth.js';
import type { WebDeps } from '../deps.js';
import type { AdminApp } from '../ports.js';
import { maskCredentials } from '../mask-url.js';
import { listOutbox, outboxFile } from '../outbox-files.js';
import { html } from '../views/html.js';
import { layout } from '../views/layout.js';

/**
 * The operator's pages, behind ADMIN_TOKEN: briefs with their delivery status, the outbox, the
 * feeds (passwords in feed URLs masked). Without ADMIN_TOKEN they answer 404.
 */
export function adminRoutes(web: Hono, deps: WebDeps<AdminApp>): void {
  const { app } = deps;
  const auth = adminAuth({
    token: app.config.adminToken,
    failures: deps.limits.tokenPerIp,
    clientIp: deps.info.clientIp,
  });
  web.use('/admin', auth);
  web.use('/admin/*', auth);

  web.get('/admin', async (c) => {
    const [briefs, deliveries, users, feeds, outbox] = await Promise.all([
      app.store.listBriefs(50),
      app.store.listDeliveries(200),
      app.store.listUsers(),
      app.store.listFeeds(),
      listOutbox(app.outboxDir),
    ]);
    const emailOf = new Map(users.map((u) => [u.id, u.email]));
    const statusOf = new Map(deliveries.map((d) => [d.briefId, d.status]));
    const pending = users.filter((u) => u.confirmedAt === null).length;
    const body = html`
<h1>Operator</h1>
<p class="muted">${users.length} subscribers (${pending} not confirmed yet), ${feeds.length} feeds.</p>
<h2>Briefs</h2>
${
  briefs.length === 0
    ? html`<p class="muted">No briefs yet. Add feeds and a subscriber, then run <code>podbrief poll</code> and <code>podbrief brief --send</code>.</p>`
    : html`<table><thead><tr><th>Date</th><th>Subscriber</th><th>Insights</th><th>Delivery</th></tr></thead><tbody>
${briefs.map((b) => html`<tr><td><a href="/admin/briefs/${b.id}">${b.date}</a></td><td>${emailOf.get(b.userId) ?? `user ${b.userId}`}</td><td>${b.items.length}</td><td>${statusOf.get(b.id) ?? '—'}</td></tr>`)}
</tbody></table>`
}
<h2>Outbox</h2>
${
  outbox.length === 0
    ? html`<p class="muted">Empty. With <code>SMTP_URL</code> unset, emails are written here as .eml files.</p>`
    : html`<ul>${outbox.map((f) => html`<li><a href="/admin/outbox/${encodeURIComponent(f.name)}">${f.name}</a> <span class="muted">${f.modifiedAt}</span></li>`)}</ul>`
}
<h2>Feeds</h2>
<table><thead><tr><th>Podcast</th><th>Status</th><th>Last polled</th></tr></thead><tbody>
${feeds.map((f) => html`<tr><td>${f.title ?? maskCredentials(f.url)}<div class="muted">${maskCredentials(f.url)}</div></td><td>${f.status}${f.status === 'paused' ? html` after ${f.errorCount} failed polls in a row<div class="muted">next try ${f.nextPollAt ?? 'soon'}, or <code>podbrief feeds refresh ${f.id}</code></div>` : ''}${f.lastError ? html`<div class="muted">${maskCredentials(f.lastError)}</div>` : ''}</td><td>${f.lastPolledAt ?? 'never'}</td></tr>`)}
</tbody></table>`;
    return c.html(layout('Operator', body, { wide: true }));
  });

  web.get('/admin/briefs/:id', async (c) => {
    const id = Number(c.req.param('id'));
    const brief = Number.isInteger(id) ? await app.store.briefById(id) : undefined;
    const user = brief ? await app.store.userById(brief.userId) : undefined;
    if (!brief || !user) return c.text('brief not found', 404);
    const email = renderBriefEmail({ brief, user, ...app.briefEmailSettings(), interactive: true });
    // The email's HTML has inline styles: shown sandboxed (no script, no forms, no same-origin).
    c.header('Content-Security-Policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    return c.html(email.html);
  });

  web.get('/admin/outbox/:name', async (c) => {
    const file = await outboxFile(app.outboxDir, c.req.param('name'));
    if (!file) return c.text('not found', 404);
    c.header('Content-Type', 'text/plain; charset=utf-8');
    return c.body(await readFile(file.path, 'utf8'));
  });
}
