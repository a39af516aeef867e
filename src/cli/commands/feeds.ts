import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { fetchOptionsFrom } from '../../app.js';
import { parseFeed, parseOpml } from '../../feeds/index.js';
import { AppError } from '../../model/errors.js';
import { loadGlobalConfig, printJson, withApp, type GlobalOptions } from '../context.js';
import { say, sayError } from '../terminal-text.js';
import { readFileOrUrl } from '../read-input.js';

export function feedsCommand(program: Command): void {
  const feeds = program.command('feeds').description('manage the podcasts Podbrief scans');

  feeds
    .command('add <url>')
    .description('subscribe to a podcast feed (polled by `podbrief poll`)')
    .action(async (url: string) => {
      assertHttpUrl(url);
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        const { feed, created } = await app.store.addFeed(url);
        say(created ? `added feed ${feed.id}: ${feed.url}` : `already added as feed ${feed.id}: ${feed.url}`);
      });
    });

  feeds
    .command('import <file>')
    .description('subscribe to every feed in an OPML file')
    .action(async (file: string) => {
      const outlines = parseOpml(await readFile(file, 'utf8'));
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        let added = 0;
        for (const o of outlines) if ((await app.store.addFeed(o.url)).created) added++;
        say(`imported ${outlines.length} feeds from ${file} (${added} new, ${outlines.length - added} already added)`);
      });
    });

  feeds
    .command('list')
    .description('list feeds with their poll status')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        const rows = await app.store.listFeeds();
        if (opts.json) return printJson(rows);
        if (rows.length === 0) return say('no feeds yet: podbrief feeds add <url>');
        for (const f of rows) {
          const error = f.lastError ? `  error: ${f.lastError}` : '';
          say(
            `${String(f.id).padStart(4)}  ${f.status.padEnd(6)}  ${f.title ?? '(not polled yet)'}  <${f.url}>${error}`,
          );
        }
      });
    });

  feeds
    .command('parse <file-or-url>')
    .description('print the normalized feed of a local file or URL')
    .option('--json', 'print JSON')
    .action(async (target: string, opts: { json?: boolean }) => {
      const bytes = await readFileOrUrl(target, fetchOptionsFrom(loadGlobalConfig(program), 'feed'));
      const feed = parseFeed(bytes);
      if (opts.json) return printJson(feed);
      say(`${feed.title} (${feed.format}, ${feed.episodes.length} episodes)`);
      for (const e of feed.episodes.slice(0, 20)) say(`  ${e.publishedAt?.slice(0, 10) ?? '          '}  ${e.title}`);
      if (feed.episodes.length > 20) say(`  … ${feed.episodes.length - 20} more`);
      for (const w of feed.warnings) sayError(`warning: ${w}`);
    });
}

function assertHttpUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('invalid_url', `"${url}" is not a URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new AppError('unsupported_scheme', `${url}: only http and https feeds are supported`);
  }
}
