import { readFile } from 'node:fs/promises';
import type { Hono } from 'hono';
import type { App } from '../../app.js';
import { renderBriefEmail } from '../../delivery/index.js';
import { outboxFile } from '../outbox-files.js';

export function briefRoutes(web: Hono, app: App): void {
  web.get('/briefs/:id', async (c) => {
    const id = Number(c.req.param('id'));
    const brief = Number.isInteger(id) ? await app.store.briefById(id) : undefined;
    const user = brief ? await app.store.userById(brief.userId) : undefined;
    if (!brief || !user) return c.text('brief not found', 404);
    const email = renderBriefEmail({
      brief,
      user,
      publicUrl: app.config.publicUrl,
      secret: app.secret,
      from: app.config.mailFrom,
      interactive: true,
    });
    return c.html(email.html);
  });

  web.get('/outbox/:name', async (c) => {
    const file = await outboxFile(app.outboxDir, c.req.param('name'));
    if (!file) return c.text('not found', 404);
    c.header('Content-Type', 'text/plain; charset=utf-8');
    return c.body(await readFile(file.path, 'utf8'));
  });
}
