import { corpusPath } from './test/corpus.js';
import { readEpisode } from './src/insights/document/index.js';
import { loadCorpusTranscript } from './src/insights/test-support/corpus-transcript.js';
for (const d of process.argv.slice(2)) { const doc = readEpisode(loadCorpusTranscript(corpusPath('eval-public', d, 'transcript.md')));
const st = new Map<string, number[]>(); for (const s of doc.sentences) { const w = doc.layout.turns[s.turn]?.speaker ?? '-'; const a = st.get(w) ?? [0,0,0]; a[0]++; if (s.question) a[1]++; a[2]+=s.words; st.set(w, a);} console.log(d, [...st].map(([k,v])=>`${k}: ${v[0]} sent, ${v[1]} q, ${v[2]} words`).join(' | ')); }
