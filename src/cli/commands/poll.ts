import type { Command } from 'commander';
import { pollFeeds, processEpisodes } from '../../jobs/index.js';
import { printJson, withApp, type GlobalOptions } from '../context.js';
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
        if (opts.json) return printJson({ feeds, episodes });
        for (const f of feeds) {
          if (f.status === 'updated') console.log(`${f.title}: ${f.inserted} new, ${f.updated} updated episodes`);
          else if (f.status === 'not_modified') console.log(`${f.url}: not modified`);
          else console.error(`error: feed ${f.url}: ${f.error}`);
        }
        if (feeds.length === 0) console.log('no feeds due (use --all to poll every feed)');
        const extracted = episodes.filter((e) => e.status === 'extracted');
        if (opts.extract) console.log(`extracted insights from ${extracted.length} of ${episodes.length} new episodes`);
        for (const e of episodes) if (e.status === 'failed') console.error(`error: episode ${e.episodeId}: ${e.error}`);
      });
    });
}
