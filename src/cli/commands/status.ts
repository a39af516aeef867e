import type { Command } from 'commander';
import { startOfUtcDay } from '../../model/utc-day.js';
import { locateTool } from '../../transcripts/audio/locate-tools.js';
import { printJson, withApp, type GlobalOptions } from '../context.js';
import { say } from '../terminal-text.js';

/** `podbrief status`: where feeds, episodes, deliveries and today's spend stand, for an operator. */
export function statusCommand(program: Command): void {
  program
    .command('status')
    .description("where feeds, episodes, deliveries and today's spend stand")
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        const midnight = startOfUtcDay(new Date());
        const [feeds, counts, llm, asr, suppressions] = await Promise.all([
          app.store.listFeeds(),
          app.store.statusCounts(),
          app.store.llmSpendSince(midnight),
          app.store.asrSpendSince(midnight),
          app.store.listSuppressions(),
        ]);
        const failing = feeds.filter((f) => f.errorCount > 0 || f.status === 'gone');
        const audioTools = {
          ffmpeg: locateTool('ffmpeg', app.config.ffmpegPath),
          ffprobe: locateTool('ffprobe', app.config.ffprobePath),
        };
        const status = {
          feeds: {
            total: feeds.length,
            failing: failing.map((f) => ({
              id: f.id,
              url: f.url,
              status: f.status,
              errorCount: f.errorCount,
              lastError: f.lastError,
              nextPollAt: f.nextPollAt,
            })),
          },
          episodes: counts.episodes,
          deliveries: counts.deliveries,
          suppressions,
          spendTodayUsd: { llm, llmBudget: app.config.llmDailyBudgetUsd, asr, asrBudget: app.config.asrDailyBudgetUsd },
          audioTools,
        };
        if (opts.json) return printJson(status);
        const e = counts.episodes;
        const d = counts.deliveries;
        const pausedCount = failing.filter((f) => f.status === 'paused').length;
        const paused = pausedCount ? ` (${pausedCount} paused, retried every POLL_MAX_INTERVAL_MINUTES)` : '';
        say(`feeds: ${feeds.length}, ${failing.length} failing${paused}`);
        for (const f of failing) say(`  ${f.id} ${f.url} (${f.status}, ${f.errorCount} errors): ${f.lastError ?? ''}`);
        say(
          `episodes: ${e.new} new, ${e.transcribed} transcribed, ${e.extracted} extracted, ${e.failedRetrying} failed and retrying, ${e.failedGivenUp} given up`,
        );
        say(
          `deliveries: ${d.sent} sent, ${d.pending} pending, ${d.sending} sending, ${d.failed} failed, ${d.bounced} bounced, ${d.cancelled} cancelled; ${d.possibleDuplicates} possible duplicates (re-sent after a crash mid-send)`,
        );
        say(`suppressed addresses: ${suppressions.length}`);
        for (const s of suppressions)
          say(
            `  ${s.email} ${s.reason}${s.responseCode ? ` ${s.responseCode}` : ''} at ${s.createdAt}: ${s.detail ?? ''}`,
          );
        say(
          `spent today (UTC): LLM $${llm.toFixed(4)} of $${app.config.llmDailyBudgetUsd.toFixed(2)}, speech-to-text $${asr.toFixed(4)} of $${app.config.asrDailyBudgetUsd.toFixed(2)}`,
        );
        for (const [name, t] of Object.entries(audioTools)) say(`${name}: ${t.path} (${t.source})`);
      });
    });
}
