import type { Kysely } from 'kysely';
import { accountQueries } from './queries/account.js';
import { dialectOf } from './dialect.js';
import { asrUsageQueries } from './queries/asr-usage.js';
import { authTokenQueries } from './queries/auth-tokens.js';
import { briefQueries } from './queries/briefs.js';
import { deliveryQueries } from './queries/deliveries.js';
import { deliveryBatchQueries } from './queries/delivery-batches.js';
import { episodeQueries } from './queries/episodes.js';
import { feedQueries } from './queries/feeds.js';
import type { CredentialSeal } from './credential-seal.js';
import { insightQueries } from './queries/insights.js';
import { insightIndexQueries } from './queries/insight-index.js';
import { profileQueries } from './queries/profiles.js';
import { sessionQueries } from './queries/sessions.js';
import { statusQueries } from './queries/status.js';
import { operationsQueries } from './queries/operations.js';
import { subscriberReadQueries } from './queries/subscriber-reads.js';
import { suppressionQueries } from './queries/suppressions.js';
import { llmUsageQueries } from './queries/llm-usage.js';
import { sendPaceQueries } from './queries/send-pace.js';
import { transcriptQueries } from './queries/transcripts.js';
import { userQueries } from './queries/users.js';
import type { Database } from './schema.js';
import type { Store } from './types.js';

/** Builds the Store over an already migrated database; `close()` destroys `db`. */
export function createStore(db: Kysely<Database>, credentials: CredentialSeal): Store {
  let closing: Promise<void> | undefined;
  return {
    dialect: dialectOf(db),
    ...feedQueries(db, credentials),
    ...episodeQueries(db),
    ...transcriptQueries(db),
    ...insightQueries(db),
    ...userQueries(db),
    ...briefQueries(db),
    ...deliveryQueries(db),
    ...deliveryBatchQueries(db),
    ...llmUsageQueries(db),
    ...asrUsageQueries(db),
    ...insightIndexQueries(db),
    ...profileQueries(db),
    ...statusQueries(db),
    ...operationsQueries(db),
    ...accountQueries(db),
    ...authTokenQueries(db),
    ...sessionQueries(db),
    ...suppressionQueries(db),
    ...subscriberReadQueries(db),
    ...sendPaceQueries(db),
    close() {
      closing ??= db.destroy();
      return closing;
    },
  };
}
