import type { Command } from 'commander';
import type { App } from '../../app.js';
import type { Store } from '../../store/types.js';
import { composeBrief, localTime } from '../../briefs/index.js';
import { renderBriefEmail, type SendOutcome } from '../../delivery/index.js';
import { sendDueBriefs, type DeliverResult } from '../../jobs/index.js';
import type { Brief } from '../../model/brief.js';
import { AppError } from '../../model/errors.js';
import { receivesBriefs, type User } from '../../model/user.js';
import { printJson, printJsonArray, withApp, type GlobalOptions } from '../context.js';
import { inOrder } from '../in-order.js';
import { say, sayError } from '../terminal-text.js';

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
          if (result.status === 'empty') say(`${user.email}: no new insights since the last brief`);
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
        // Each result is printed as it comes (in the subscribers' order), none kept: a run over a
        // long list holds no more than a short one.
        const json = opts.json ? printJsonArray() : undefined;
        let printed = 0;
        let failed = false;
        const results = inOrder<DeliverResult>((r) => {
          printed += 1;
          const failure = sendFailure(r.send);
          if (json) json.element(failure ? { ...r, failure } : r);
          else say(`${r.email} ${r.date}: ${describeSend(r.compose, r.send)}`);
          // Anything that failed in this run: one line each on stderr, and a non-zero exit status.
          if (!failure) return;
          failed = true;
          sayError(
            `send: ${maskEmail(r.email)} (user ${r.userId}) brief ${r.date}: ${failure.code} ${oneLine(failure.message)}`,
          );
        });
        try {
          await sendDueBriefs(app, { ignoreHour: opts.now ?? false }, results.push);
        } finally {
          // A run that failed part way still prints what it did (its mail went out) and valid JSON.
          results.flush();
          json?.end();
        }
        if (!json && printed === 0) say('no subscriber is due (use --now to send regardless of the hour)');
        if (failed) process.exitCode = 1;
      });
    });
}

export function printBrief(app: Pick<App, 'briefEmailSettings'>, brief: Brief, user: User): void {
  const email = renderBriefEmail({ brief, user, ...app.briefEmailSettings() });
  say(`To: ${email.to}\nSubject: ${email.subject}\n\n${email.text}`);
}

/** What went wrong with a send in this run, with a stable code; undefined when nothing did. */
function sendFailure(send: SendOutcome | undefined): { code: string; message: string } | undefined {
  if (!send) return undefined;
  if (send.status === 'failed' || send.status === 'bounced') return { code: send.code, message: send.error };
  if (send.status === 'skipped' && send.reason === 'mail_server_down')
    return { code: send.code ?? 'smtp_circuit_open', message: send.error ?? 'mail server unreachable' };
  return undefined;
}

/** `a…@example.com`: enough for an operator to tell subscribers apart in a log, not a mailing list. */
function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return at <= 0 ? '…' : `${email.slice(0, 1)}…${email.slice(at)}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function describeSend(
  compose: string,
  send?: { status: string; reason?: string; error?: string; location?: string | null },
): string {
  if (compose === 'empty') return 'no new insights, nothing sent';
  if (!send) return compose;
  if (send.status === 'sent') return send.location ? `written to ${send.location}` : 'sent';
  if (send.status === 'skipped') return `not sent (${send.reason?.replaceAll('_', ' ')})`;
  if (send.status === 'bounced') return `BOUNCED, address suppressed: ${send.error}`;
  return `FAILED: ${send.error}`;
}

async function selectUsers(app: { store: Pick<Store, 'listUsers' | 'userByEmail'> }, email?: string): Promise<User[]> {
  if (!email) return (await app.store.listUsers()).filter(receivesBriefs);
  const user = await app.store.userByEmail(email);
  if (!user)
    throw new AppError('unknown_user', `no subscriber with email ${email} (add one with: podbrief users add ${email})`);
  return [user];
}
