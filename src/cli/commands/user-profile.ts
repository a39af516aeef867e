import type { Command } from 'commander';
import { AppError } from '../../model/errors.js';
import { ABOUT_MAX_CHARS, type User } from '../../model/user.js';
import type { FeedRow, Store } from '../../store/types.js';
import { printJson, withApp, type GlobalOptions } from '../context.js';
import { parseInterests } from './interests.js';
import { findFeed } from '../find-feed.js';

const FEEDBACK_WINDOW_DAYS = 30;

/** `users follow|unfollow|profile`: what steers a subscriber's brief besides their interests. */
export function userProfileCommands(program: Command, users: Command): void {
  users
    .command('follow <email> <feeds...>')
    .description('follow shows (feed id or URL); followed shows rank higher')
    .option('--only', 'send only insights from followed shows')
    .action(async (email: string, feeds: string[], opts: { only?: boolean }) => {
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        const user = await userNamed(app, email);
        for (const feed of await feedsNamed(app, feeds)) await app.store.setFollow(user.id, feed.id, true);
        if (opts.only) await app.store.updateProfile(user.id, { onlyFollowed: true });
        await printProfile(app, user, false);
      });
    });

  users
    .command('unfollow <email> <feeds...>')
    .description('stop following shows (feed id or URL)')
    .action(async (email: string, feeds: string[]) => {
      await withApp(program.opts<GlobalOptions>(), async (app) => {
        const user = await userNamed(app, email);
        for (const feed of await feedsNamed(app, feeds)) await app.store.setFollow(user.id, feed.id, false);
        await printProfile(app, user, false);
      });
    });

  users
    .command('profile <email>')
    .description("show (and with options, change) what steers a subscriber's brief")
    .option('--interests <list>', 'replace the comma-separated interests')
    .option('--about <text>', 'free-text description of what they want to hear about ("" clears it)')
    .option('--only-followed', 'send only insights from followed shows')
    .option('--all-shows', 'send insights from every show (followed ones still rank higher)')
    .option('--json', 'print JSON')
    .action(
      async (
        email: string,
        opts: { interests?: string; about?: string; onlyFollowed?: boolean; allShows?: boolean; json?: boolean },
      ) => {
        if (opts.onlyFollowed && opts.allShows)
          throw new AppError('invalid_argument', '--only-followed and --all-shows contradict each other');
        if (opts.about !== undefined && opts.about.length > ABOUT_MAX_CHARS)
          throw new AppError('invalid_argument', `--about is longer than ${ABOUT_MAX_CHARS} characters`);
        await withApp(program.opts<GlobalOptions>(), async (app) => {
          const user = await userNamed(app, email);
          if (opts.interests !== undefined)
            await app.store.updateUser(user.id, { interests: parseInterests(opts.interests) });
          const onlyFollowed = opts.onlyFollowed ? true : opts.allShows ? false : undefined;
          await app.store.updateProfile(user.id, {
            ...(opts.about !== undefined ? { about: opts.about.trim() } : {}),
            ...(onlyFollowed !== undefined ? { onlyFollowed } : {}),
          });
          await printProfile(app, (await app.store.userByEmail(user.email)) ?? user, opts.json === true);
        });
      },
    );
}

async function userNamed(app: { store: Pick<Store, 'userByEmail'> }, email: string): Promise<User> {
  const user = await app.store.userByEmail(email);
  if (!user) throw new AppError('user_not_found', `no subscriber ${email} (add one with "podbrief users add")`);
  return user;
}

async function feedsNamed(app: { store: Pick<Store, 'feedById' | 'feedByUrl'> }, refs: string[]): Promise<FeedRow[]> {
  const feeds: FeedRow[] = [];
  for (const ref of refs) feeds.push(await findFeed(app, ref));
  return feeds;
}

async function printProfile(
  app: { store: Pick<Store, 'profileOf' | 'listFeeds' | 'feedbackOf'> },
  user: User,
  json: boolean,
): Promise<void> {
  const [profile, feeds, feedback] = await Promise.all([
    app.store.profileOf(user.id),
    app.store.listFeeds(),
    app.store.feedbackOf(user.id, new Date(Date.now() - FEEDBACK_WINDOW_DAYS * 86_400_000)),
  ]);
  const followed = feeds
    .filter((f) => profile.followedFeedIds.includes(f.id))
    .map((f) => ({ id: f.id, title: f.title, url: f.url }));
  const counts: Record<string, number> = {};
  for (const f of feedback) counts[f.value] = (counts[f.value] ?? 0) + 1;
  if (json) {
    return printJson({
      email: user.email,
      interests: user.interests,
      about: profile.about,
      onlyFollowed: profile.onlyFollowed,
      followed,
      feedbackLast30Days: counts,
    });
  }
  console.log(`${user.email}`);
  console.log(`  interests: ${user.interests.join(', ') || '(none: the best of the day across all shows)'}`);
  console.log(`  about: ${profile.about || '(none)'}`);
  console.log(
    `  follows: ${followed.map((f) => `${f.id} ${f.title ?? f.url}`).join('; ') || '(none)'}${profile.onlyFollowed ? ' (only these shows)' : ''}`,
  );
  const votes = Object.entries(counts)
    .map(([v, n]) => `${n} ${v}`)
    .join(', ');
  console.log(`  feedback (last ${FEEDBACK_WINDOW_DAYS} days): ${votes || 'none'}`);
}
