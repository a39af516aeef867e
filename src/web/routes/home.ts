import type { Hono } from 'hono';
import type { App } from '../../app.js';
import { listOutbox } from '../outbox-files.js';
import { html } from '../views/html.js';
import { layout } from '../views/layout.js';

export function homeRoutes(web: Hono, app: App): void {
  web.get('/', async (c) => {
    const [briefs, deliveries, users, feeds, outbox] = await Promise.all([
      app.store.listBriefs(50),
      app.store.listDeliveries(200),
      app.store.listUsers(),
      app.store.listFeeds(),
      listOutbox(app.outboxDir),
    ]);
    const emailOf = new Map(users.map((u) => [u.id, u.email]));
    const statusOf = new Map(deliveries.map((d) => [d.briefId, d.status]));
    const body = html`
<h1>Briefs</h1>
${
  briefs.length === 0
    ? html`<p class="muted">No briefs yet. Add feeds and a subscriber, then run <code>podbrief poll</code> and <code>podbrief brief --send</code>.</p>`
    : html`<table><thead><tr><th>Date</th><th>Subscriber</th><th>Insights</th><th>Delivery</th></tr></thead><tbody>
${briefs.map((b) => html`<tr><td><a href="/briefs/${b.id}">${b.date}</a></td><td>${emailOf.get(b.userId) ?? `user ${b.userId}`}</td><td>${b.items.length}</td><td>${statusOf.get(b.id) ?? '—'}</td></tr>`)}
</tbody></table>`
}
<h2>Outbox</h2>
${
  outbox.length === 0
    ? html`<p class="muted">Empty. With <code>SMTP_URL</code> unset, emails are written here as .eml files.</p>`
    : html`<ul>${outbox.map((f) => html`<li><a href="/outbox/${encodeURIComponent(f.name)}">${f.name}</a> <span class="muted">${f.modifiedAt}</span></li>`)}</ul>`
}
<h2>Feeds</h2>
<table><thead><tr><th>Podcast</th><th>Status</th><th>Last polled</th></tr></thead><tbody>
${feeds.map((f) => html`<tr><td>${f.title ?? f.url}<div class="muted">${f.url}</div></td><td>${f.status}${f.lastError ? html`<div class="muted">${f.lastError}</div>` : ''}</td><td>${f.lastPolledAt ?? 'never'}</td></tr>`)}
</tbody></table>`;
    return c.html(layout('Briefs', body));
  });

  web.get('/healthz', (c) => c.json({ ok: true }));
}
