import { corpusPath } from './test/corpus.js';
import { readEpisode } from './src/insights/document/index.js';
import { textRank } from './src/insights/score/centrality.js';
import { loadCorpusTranscript } from './src/insights/test-support/corpus-transcript.js';
const t = loadCorpusTranscript(corpusPath('transcripts/talkpython-507-langgraph.vtt'));
const doc = readEpisode(t);
for (let k = 0; k < 5; k++) { const t0 = performance.now(); textRank(doc.sentences); console.log(doc.sentences.length, performance.now() - t0); }
