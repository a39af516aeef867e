import { corpusPath } from './test/corpus.js';
import { readEpisode } from './src/insights/document/index.js';
import { findHousekeeping } from './src/insights/score/housekeeping.js';
import { loadCorpusTranscript } from './src/insights/test-support/corpus-transcript.js';
const [file, from, to] = process.argv.slice(2);
const t = loadCorpusTranscript(corpusPath(file!));
const doc = readEpisode(t);
const h = findHousekeeping(doc);
for (const s of doc.sentences) { if (s.start < Number(from) || s.start > Number(to)) continue; console.log(`${h.excluded[s.index] ? 'X' : h.preamble[s.index] ? 'p' : ' '} ${s.index} t${s.turn} ${s.start}-${s.end} sp${s.spanFirst} ${doc.layout.text.slice(s.charStart, s.charEnd).slice(0, 150)}`); }
