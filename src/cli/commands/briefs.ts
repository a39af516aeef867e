import type { Command } from 'commander';
import type { App } from '../../app.js';
import { composeBrief, localTime } from '../../briefs/index.js';
import { renderBriefEmail } from '../../delivery/index.js';
import { deliverBriefs } from '../../jobs/index.js';
import type { Brief } from '../../model/brief.js';
import { AppError } from '../../model/errors.js';
import { receivesBriefs, type User } from '../../model/user.js';
import { printJson, withApp, type GlobalOptions } from '../context.js';

export function briefCommands(program: Command): void {
  program
    .command('brief')
    .description("compose (once per day) and print a subscriber's brief")
    .option('--user <email>', 'the subscriber (default: every active subscriber)')
    .option('--date <yyyy-mm-dd>', "the brief's date (default: today in the subscriber's time zone)")
    .option('--json', 'print JSON')
    .action(async (opts: { user?: string; date?: string; json?: boolean }) => {
      if (opts.date && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date))
        throw new AppError('invalid_argument', `--date must be YYYY-MM-DD, got "${opts.date}"`);
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        const users = await selectUsers(app, opts.user);
        const now = new Date();
        const out: { user: string; status: string; brief?: Brief }[] = [];
        for (const user of users) {
          const date = opts.date ?? localTime(now, user.timezone).date;
          const result = await composeBrief({ store: app.store }, user, date, {
            size: app.config.briefSize,
            relatedPerInsight: app.config.relatedPerInsight,
            now,
          });
          out.push({
            user: user.email,
            status: result.status,
            ...(result.status !== 'empty' ? { brief: result.brief } : {}),
          });
          if (opts.json) continue;
          if (result.status === 'empty') console.log(`${user.email}: no new insights since the last brief`);
          else printBrief(app, result.brief, user);
        }
        if (opts.json) printJson(out);
      });
    });

  program
    .command('send')
    .description("compose and send today's brief to each subscriber whose delivery hour has come (never twice)")
    .option('--now', "send now, whatever each subscriber's delivery hour")
    .option('--json', 'print JSON')
    .action(async (opts: { now?: boolean; json?: boolean }) => {
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        const results = await deliverBriefs(app, { ignoreHour: opts.now ?? false });
        if (opts.json) return printJson(results);
        if (results.length === 0) console.log('no subscriber is due (use --now to send regardless of the hour)');
        for (const r of results) console.log(`${r.email} ${r.date}: ${describeSend(r.compose, r.send)}`);
      });
    });
}

export function printBrief(app: App, brief: Brief, user: User): void {
  const email = renderBriefEmail({
    brief,
    user,
    publicUrl: app.config.publicUrl,
    secret: app.secret,
    from: app.config.mailFrom,
  });
  console.log(`To: ${email.to}\nSubject: ${email.subject}\n\n${email.text}`);
}

function describeSend(
  compose: string,
  send?: { status: string; reason?: string; error?: string; location?: string | null },
): string {
  if (compose === 'empty') return 'no new insights, nothing sent';
  if (!send) return compose;
  if (send.status === 'sent') return send.location ? `written to ${send.location}` : 'sent';
  if (send.status === 'skipped') return `not sent (${send.reason?.replace('_', ' ')})`;
  return `FAILED: ${send.error}`;
}

async function selectUsers(app: App, email?: string): Promise<User[]> {
  if (!email) return (await app.store.listUsers()).filter(receivesBriefs);
  const user = await app.store.userByEmail(email);
  if (!user)
    throw new AppError('unknown_user', `no subscriber with email ${email} (add one with: podbrief users add ${email})`);
  return [user];
}
