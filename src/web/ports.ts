import type { App } from '../app.js';
import type { FeedbackStore } from '../profiles/ports.js';
import type { Store } from '../store/types.js';

/** What the landing page reads: recent insights, the newest brief, the shows. */
export type LandingStore = Pick<Store, 'insightsSince' | 'listBriefs' | 'listFeeds'>;

/** What matching an uploaded OPML file to the shows the store knows reads. */
export type KnownFeedsStore = Pick<Store, 'feedByUrl'>;

/** What importing an OPML file into a subscriber's follows reads and writes. */
export type OpmlImportStore = Pick<Store, 'addFeed' | 'profileOf' | 'setFollow' | 'updateFeed'>;

/** What sessions read and write: the session rows and their user. */
export type SessionStore = Pick<
  Store,
  'createSession' | 'deleteSession' | 'extendSession' | 'sessionByHash' | 'userById'
>;

/** What a signed email link resolves: the subscriber it names, checked against the App's keys. */
export type SignedUserDeps = Pick<App, 'verifyKeys'> & { store: Pick<Store, 'userById'> };

/** What sending a one-time emailed link (confirm, sign-in) needs: the mailer, and the tokens it counts and makes. */
export type EmailLinkApp = Pick<App, 'config' | 'log' | 'mailer'> & {
  store: Pick<Store, 'authTokensSince' | 'createAuthToken'>;
};

/** What the sign-up pages use, besides sending links. */
export type SignupApp = EmailLinkApp & {
  store: LandingStore &
    KnownFeedsStore &
    Pick<
      Store,
      | 'userByEmail'
      | 'addUser'
      | 'userById'
      | 'confirmUser'
      | 'profileOf'
      | 'setFollow'
      | 'updateUser'
      | 'useAuthToken'
      | 'authTokenUser'
    >;
};

/** What the sign-in pages use, besides sending links. */
export type LoginApp = EmailLinkApp & {
  store: Pick<Store, 'userByEmail' | 'userById' | 'useAuthToken' | 'authTokenUser'>;
};

/** What the operator pages use. */
export type AdminApp = Pick<App, 'config' | 'briefEmailSettings' | 'outboxDir'> & {
  store: Pick<Store, 'briefById' | 'listBriefs' | 'listDeliveries' | 'listFeeds' | 'listUsers' | 'userById'>;
};

/** What the signed-link unsubscribe pages use. */
export type UnsubscribeRouteDeps = SignedUserDeps & Pick<App, 'log'> & { store: Pick<Store, 'setUserStatus'> };

/** What the signed-link preferences page uses. */
export type PreferencesRouteDeps = SignedUserDeps & { store: Pick<Store, 'updateUser'> };

/** What the signed-link profile page uses. */
export type ProfileRouteDeps = SignedUserDeps & {
  store: Pick<Store, 'listFeeds' | 'profileOf' | 'setFollow' | 'updateProfile'>;
};

/** What the signed feedback and listen links use. */
export type FeedbackRouteDeps = Pick<App, 'verifyKeys' | 'log'> & { store: FeedbackStore & Pick<Store, 'userById'> };

/** What a private brief feed reads. */
export type PrivateFeedRouteDeps = Pick<App, 'config' | 'secret'> & {
  store: Pick<Store, 'briefsByUser' | 'userByFeedTokenHash'>;
};

/** What the signed-in account pages (today's brief, archive, feedback) use. */
export type AccountRouteDeps = Pick<App, 'config' | 'log' | 'secret'> & {
  store: FeedbackStore &
    Pick<Store, 'briefFor' | 'briefsByUser' | 'countBriefsByUser' | 'feedbackOf' | 'latestBrief' | 'wasSentTo'>;
};

/** What the signed-in account's preference pages use (OPML import adds and follows feeds). */
export type AccountPreferencesRouteDeps = Pick<App, 'config' | 'log' | 'fetchOptions'> & {
  store: OpmlImportStore &
    Pick<
      Store,
      | 'deleteUserData'
      | 'feedById'
      | 'feedTokenHashOf'
      | 'listFeeds'
      | 'searchFeeds'
      | 'setFeedTokenHash'
      | 'setPaused'
      | 'setUserStatus'
      | 'updateProfile'
      | 'updateUser'
    >;
};
