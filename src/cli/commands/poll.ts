import type { Command } from 'commander';
import { pollFeeds, processEpisodes } from '../../jobs/index.js';
import { printJson, withApp, type GlobalOptions } from '../context.js';
import { say, sayError } from '../terminal-text.js';
import { progressBar } from '../progress.js';

export function pollCommand(program: Command): void {
  program
    .command('poll')
    .description('poll due feeds (conditional GET), store new episodes, fetch transcripts and extract insights')
    .option('--all', 'poll every active feed, not only the ones due')
    .option('--no-extract', 'only poll; leave transcripts and insights for later')
    .option('--json', 'print JSON')
    .action(async (opts: { all?: boolean; extract: boolean; json?: boolean }) => {
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        const pollBar = progressBar('Polling');
        const feeds = await pollFeeds(app, { all: opts.all ?? false, onProgress: pollBar.onProgress });
        pollBar.stop();
        let episodes: Awaited<ReturnType<typeof processEpisodes>> = [];
        if (opts.extract) {
          const bar = progressBar('Extracting');
          episodes = await processEpisodes(app, { onProgress: bar.onProgress });
          bar.stop();
        }
        const failures = [
          ...feeds.flatMap((f) =>
            f.status === 'failed'
              ? [{ kind: 'feed' as const, id: f.feedId, url: f.url, code: f.code, message: f.error }]
              : [],
          ),
          ...episodes.flatMap((e) =>
            e.status === 'failed'
              ? [{ kind: 'episode' as const, id: e.episodeId, title: e.title ?? '', code: e.code, message: e.error }]
              : [],
          ),
        ];
        if (opts.json) printJson({ feeds, episodes, failures });
        else {
          for (const f of feeds) {
            if (f.status === 'updated') say(`${f.title}: ${f.inserted} new, ${f.updated} updated episodes`);
            else if (f.status === 'not_modified') say(`${f.url}: not modified`);
          }
          if (feeds.length === 0) say('no feeds due (use --all to poll every feed)');
          const extracted = episodes.filter((e) => e.status === 'extracted');
          if (opts.extract) say(`extracted insights from ${extracted.length} of ${episodes.length} new episodes`);
        }
        // Anything that failed in this run: one line each on stderr, and a non-zero exit status.
        for (const f of failures) {
          const what = f.kind === 'feed' ? `feed ${f.id} ${f.url}` : `episode ${f.id} "${f.title}"`;
          sayError(`poll: ${what}: ${f.code} ${f.message.replace(/\s+/g, ' ').trim()}`);
        }
        if (failures.length > 0) process.exitCode = 1;
      });
    });
}
