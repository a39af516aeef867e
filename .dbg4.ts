import { corpusPath } from './test/corpus.js';
import { readEpisode } from './src/insights/document/index.js';
import { findHost } from './src/insights/score/roles.js';
import { loadCorpusTranscript } from './src/insights/test-support/corpus-transcript.js';
import { readdirSync } from 'node:fs';
for (const d of readdirSync(corpusPath('eval-public')).filter(d=>!d.endsWith('.md'))) { const doc = readEpisode(loadCorpusTranscript(corpusPath('eval-public', d, 'transcript.md'))); console.log(d, findHost(doc)); }
