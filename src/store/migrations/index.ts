import type { Migration } from 'kysely/migration';
import { initial } from './0001-initial.js';
import { llmUsage } from './0002-llm-usage.js';
import { transcription } from './0003-transcription.js';
import { profiles } from './0004-profiles.js';
import { episodeRetries } from './0005-episode-retries.js';
import { episodeClaims } from './0006-episode-claims.js';
import { signIn } from './0007-sign-in.js';
import { account } from './0008-account.js';
import { deliveryTrust } from './0009-delivery-trust.js';
import { feedCredentials } from './0010-feed-credentials.js';
import { idempotentWork } from './0011-idempotent-work.js';
import { feedSchedule } from './0012-feed-schedule.js';
import { retiredInsights } from './0013-retired-insights.js';
import { sendPace } from './0014-send-pace.js';
import { feedCategories } from './0015-feed-categories.js';
import { episodeType } from './0016-episode-type.js';

/** Every migration, keyed by a name that sorts in the order they must run. Append only. */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-llm-usage': llmUsage,
  '0003-transcription': transcription,
  '0004-profiles': profiles,
  '0005-episode-retries': episodeRetries,
  '0006-episode-claims': episodeClaims,
  '0007-sign-in': signIn,
  '0008-account': account,
  '0009-delivery-trust': deliveryTrust,
  '0010-feed-credentials': feedCredentials,
  '0011-idempotent-work': idempotentWork,
  '0012-feed-schedule': feedSchedule,
  '0013-retired-insights': retiredInsights,
  '0014-send-pace': sendPace,
  '0015-feed-categories': feedCategories,
  '0016-episode-type': episodeType,
};
