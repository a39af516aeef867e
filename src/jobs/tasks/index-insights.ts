import type { App } from '../../app.js';
import { errorMessage } from '../../model/errors.js';
import type { StoredInsight } from '../../model/insight.js';
import { indexInsights, type InsightIndexStore } from '../../related/index.js';

/** What indexing needs of the App. */
type IndexDeps = Pick<App, 'log' | 'embedder'> & { store: InsightIndexStore };

/** Adds freshly stored insights to the insight index (and embeds them when an endpoint is set). */
export async function indexNewInsights(app: IndexDeps, insights: StoredInsight[]): Promise<void> {
  try {
    const outcome = await indexInsights(app.store, insights, app.embedder());
    if (outcome.embeddingError)
      app.log.warn(`embeddings: ${outcome.embeddingError}; related insights use the lexical index`);
  } catch (err) {
    // The insights are stored; composing a brief indexes whatever is missing.
    app.log.warn(`insight index: ${errorMessage(err)}`);
  }
}
