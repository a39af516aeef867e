import { phrasePattern } from '../../text/index.js';
import type { EpisodeDoc } from '../document/index.js';

const MIN_HOST_QUESTIONS = 5;
/** Things only the host says. */
const HOST_CUE = phrasePattern(
  [
    'my guest',
    "today's guest",
    'joining me',
    /welcome (back )?to (the|this|my|our)/,
    /thanks? (you )?(so much )?for (being here|coming on|joining (me|us))/,
    "i'm your host",
    'this is your host',
    /my name is [a-z]+ [a-z]+ and (this|today)/,
  ],
  { end: 'word' },
);

/**
 * The interviewer, when the transcript names speakers and one of them asks clearly more of the
 * questions: their turns are mostly questions, intros and reactions, rarely the takeaway.
 */
export function findHost(doc: EpisodeDoc): string | undefined {
  const speakers = new Set(doc.layout.turns.map((t) => t.speaker).filter((x) => x !== undefined));
  if (speakers.size < 2) return undefined;
  for (const s of doc.sentences) {
    const who = doc.layout.turns[s.turn]?.speaker;
    if (who && HOST_CUE.test(doc.layout.text.slice(s.charStart, s.charEnd).toLowerCase())) return who;
  }
  const stats = new Map<string, { sentences: number; questions: number }>();
  for (const s of doc.sentences) {
    const who = doc.layout.turns[s.turn]?.speaker;
    if (!who) continue;
    const st = stats.get(who) ?? { sentences: 0, questions: 0 };
    st.sentences += 1;
    if (s.question) st.questions += 1;
    stats.set(who, st);
  }
  if (stats.size < 2) return undefined;
  const ranked = [...stats].sort(
    (a, b) => b[1].questions / b[1].sentences - a[1].questions / a[1].sentences || (a[0] < b[0] ? -1 : 1),
  );
  const [host, others] = [ranked[0], ranked.slice(1)];
  if (!host || host[1].questions < MIN_HOST_QUESTIONS) return undefined;
  const rest = others.reduce((acc, [, st]) => ({ q: acc.q + st.questions, n: acc.n + st.sentences }), { q: 0, n: 0 });
  const hostRate = host[1].questions / host[1].sentences;
  const restRate = rest.n ? rest.q / rest.n : 0;
  return hostRate >= 2 * restRate ? host[0] : undefined;
}
