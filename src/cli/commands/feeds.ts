import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { directorySearchOptionsFrom, fetchOptionsFrom } from '../../app.js';
import {
  assertFeedUrl,
  feedUrlProblems,
  parseFeed,
  parseOpml,
  searchDirectories,
  writeOpml,
} from '../../feeds/index.js';
import { AppError } from '../../model/errors.js';
import { loadGlobalConfig, printJson, withApp, type GlobalOptions } from '../context.js';
import { refreshFeed } from '../../jobs/index.js';
import { say, sayError } from '../terminal-text.js';
import { readFileOrUrl } from '../read-input.js';
import { findFeed } from '../find-feed.js';
import { redactUrl } from '../../net/index.js';

export function feedsCommand(program: Command): void {
  const feeds = program.command('feeds').description('manage the podcasts Podbrief scans');

  feeds
    .command('add <url>')
    .description('subscribe to a podcast feed (polled by `podbrief poll`)')
    .action(async (url: string) => {
      await assertFeedUrl(url, fetchOptionsFrom(loadGlobalConfig(program), 'feed'));
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        const { feed, created } = await app.store.addFeed(url);
        say(created ? `added feed ${feed.id}: ${feed.url}` : `already added as feed ${feed.id}: ${feed.url}`);
      });
    });

  feeds
    .command('search <query>')
    .description('find podcasts by name in the iTunes and Podcast Index directories (their feed URLs, for `feeds add`)')
    .option('--limit <n>', 'most results', '20')
    .option('--json', 'print JSON')
    .action(async (query: string, opts: { json?: boolean; limit: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
        throw new AppError('invalid_argument', '--limit must be a whole number from 1 to 200');
      }
      if (query.trim() === '') throw new AppError('invalid_argument', 'the search query is empty');
      const found = await searchDirectories(query.trim(), directorySearchOptionsFrom(loadGlobalConfig(program), limit));
      if (found.failed) {
        throw new AppError('directory_unavailable', `no directory answered: ${found.warnings.join('; ')}`);
      }
      for (const w of found.warnings) sayError(`warning: ${w}`);
      if (opts.json) return printJson({ results: found.results, warnings: found.warnings });
      if (found.results.length === 0) return say(`no podcasts found for "${query.trim()}"`);
      for (const r of found.results) {
        say(`${r.title}${r.author ? ` (${r.author})` : ''}\n  ${r.feedUrl}  [${r.sources.join(', ')}]`);
      }
    });

  feeds
    .command('import <file>')
    .description('subscribe to every feed in an OPML file')
    .action(async (file: string) => {
      const outlines = parseOpml(await readFile(file, 'utf8'));
      const policy = fetchOptionsFrom(loadGlobalConfig(program), 'feed');
      const problems = await feedUrlProblems(
        outlines.map((o) => o.url),
        policy,
      );
      const accepted = outlines.filter((_o, i) => problems[i] === undefined);
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        let added = 0;
        for (const o of accepted) if ((await app.store.addFeed(o.url)).created) added++;
        const refused = outlines.length - accepted.length;
        for (const problem of problems) if (problem !== undefined) sayError(`refused: ${problem}`);
        say(
          `imported ${accepted.length} feeds from ${file} (${added} new, ${accepted.length - added} already added${refused ? `, ${refused} refused` : ''})`,
        );
      });
    });

  feeds
    .command('remove <id-or-url>')
    .description('unsubscribe from a feed: its episodes, transcripts and insights go; sent briefs keep theirs')
    .action(async (target: string) => {
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        const feed = await findFeed(app, target);
        const episodes = (await app.store.episodesByFeed(feed.id)).length;
        await app.store.removeFeed(feed.id);
        say(`removed feed ${feed.id}: ${redactUrl(feed.url)} (${episodes} episodes with their insights)`);
      });
    });

  feeds
    .command('refresh <id-or-url>')
    .description('poll one feed now, whatever its schedule; a paused or gone feed that answers is back in rotation')
    .option('--json', 'print JSON')
    .action(async (target: string, opts: { json?: boolean }) => {
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        const feed = await findFeed(app, target);
        const result = await refreshFeed(app, feed);
        if (opts.json) printJson(result);
        else if (result.status === 'updated') {
          say(`${result.title}: ${result.inserted} new, ${result.updated} updated episodes`);
        } else if (result.status === 'not_modified') say(`${redactUrl(feed.url)}: not modified`);
        if (result.status === 'failed') {
          const paused = result.paused ? ' (paused: retried every POLL_MAX_INTERVAL_MINUTES)' : '';
          sayError(`refresh: feed ${feed.id} ${redactUrl(feed.url)}: ${result.code} ${result.error}${paused}`);
          process.exitCode = 1;
        }
      });
    });

  feeds
    .command('export [file]')
    .description('write every feed as an OPML 2.0 subscription list (to stdout without a file)')
    .action(async (file: string | undefined) => {
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        const rows = await app.store.listFeeds();
        const opml = writeOpml(
          rows.map((f) => ({ url: redactUrl(f.url), title: f.title, link: f.link })),
          'Podbrief feeds',
          new Date(),
        );
        if (file === undefined) return void process.stdout.write(opml);
        await writeFile(file, opml);
        say(`exported ${rows.length} feeds to ${file}`);
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
          const paused =
            f.status === 'paused'
              ? `  (${f.errorCount} failed polls in a row; next try ${f.nextPollAt ?? 'soon'}, or podbrief feeds refresh ${f.id})`
              : '';
          say(
            `${String(f.id).padStart(4)}  ${f.status.padEnd(6)}  ${f.title ?? '(not polled yet)'}  <${redactUrl(f.url)}>${error}${paused}`,
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
