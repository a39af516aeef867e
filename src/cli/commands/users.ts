import type { Command } from 'commander';
import { isValidTimeZone } from '../../briefs/index.js';
import { AppError } from '../../model/errors.js';
import { printJson, withApp, type GlobalOptions } from '../context.js';
import { say } from '../terminal-text.js';
import { parseInterests } from './interests.js';
import { userProfileCommands } from './user-profile.js';

export function usersCommand(program: Command): void {
  const users = program.command('users').description('manage subscribers');

  users
    .command('add <email>')
    .description('add a subscriber whose interests steer their brief')
    .option('--interests <list>', 'comma-separated interests, e.g. "ai policy, open-source models"', '')
    .option('--timezone <zone>', 'IANA time zone for the delivery hour, e.g. Europe/Berlin')
    .option('--hour <hour>', 'local hour (0-23) at which the brief is sent')
    .action(async (email: string, opts: { interests: string; timezone?: string; hour?: string }) => {
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
        throw new AppError('invalid_email', `"${email}" is not an email address`);
      if (opts.timezone && !isValidTimeZone(opts.timezone))
        throw new AppError('invalid_timezone', `unknown time zone "${opts.timezone}"`);
      const hour = opts.hour === undefined ? undefined : Number(opts.hour);
      if (hour !== undefined && !(Number.isInteger(hour) && hour >= 0 && hour <= 23)) {
        throw new AppError('invalid_argument', `--hour must be a whole number from 0 to 23, got "${opts.hour}"`);
      }
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        const interests = parseInterests(opts.interests);
        const { user, created } = await app.store.addUser({
          email,
          interests,
          timezone: opts.timezone ?? app.config.defaultTimezone,
          deliveryHour: hour ?? app.config.defaultDeliveryHour,
        });
        if (!created && opts.interests) await app.store.updateUser(user.id, { interests });
        say(
          `${created ? 'added' : 'updated'} subscriber ${user.id}: ${user.email}` +
            (interests.length ? ` (interests: ${interests.join(', ')})` : ''),
        );
      });
    });

  users
    .command('list')
    .description('list subscribers')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        const suppressed = new Map((await app.store.listSuppressions()).map((s) => [s.email, s]));
        const rows = (await app.store.listUsers()).map(({ unsubscribeToken: _secret, ...u }) => {
          const s = suppressed.get(u.email.trim().toLowerCase());
          return s
            ? {
                ...u,
                suppressed: { reason: s.reason, responseCode: s.responseCode, at: s.createdAt, detail: s.detail },
              }
            : u;
        });
        if (opts.json) return printJson(rows);
        for (const u of rows) {
          const status = 'suppressed' in u ? 'suppressed' : u.status;
          say(
            `${String(u.id).padStart(4)}  ${status.padEnd(12)}  ${u.email}  ${u.timezone} ${u.deliveryHour}:00  ${u.interests.join(', ')}`,
          );
          if ('suppressed' in u)
            say(
              `      suppressed: ${u.suppressed.reason}${u.suppressed.responseCode ? ` ${u.suppressed.responseCode}` : ''} at ${u.suppressed.at}`,
            );
        }
      });
    });

  userProfileCommands(program, users);
}
