import type { Transcript } from '../../../model/transcript.js';

// A sponsor read with no cue phrase the engine knows, full of the episode's own topic words.
export const AD =
  'Kubernetes teams everywhere run their clusters on Harbor Deck, the platform that keeps every deployment healthy and every rollout safe for engineers.';
export const TOPICS = [
  [
    'Most outages in a Kubernetes cluster come from configuration drift, because teams patch production by hand and never write the change back into the repository.',
    'A rollout should be boring: if every deployment needs a meeting, the pipeline is missing automated checks that would catch the problem before production.',
  ],
  [
    'Service meshes add latency to every request, so a small team should measure whether mutual TLS between services is worth the extra hop before adopting one.',
    'Teams that run one cluster per environment spend less time on tenancy bugs than teams that share a cluster and separate environments with namespaces.',
  ],
  [
    'Autoscaling on CPU alone fails for queue workers, because the queue length rather than the processor load tells you when the workers fall behind.',
    'Engineers should set memory limits from measured peaks plus a margin, since a limit set by guessing either wastes nodes or kills pods under load.',
  ],
  [
    'Stateful workloads belong on Kubernetes only when the team can practise restores, because a database operator without tested backups is a liability.',
    'The cheapest reliability win in a cluster is a pod disruption budget, which stops a routine node upgrade from taking down every replica at once.',
  ],
];

/** Episode `i` (0–3) of a show whose host reads the same ad in every episode. */
export function showEpisode(i: number): Transcript {
  const lines = [
    `Host: Hello, this is conversation number ${i + 1} with a returning guest.`,
    `Guest: ${TOPICS[i]?.[0]}`,
    'Host: Interesting, we will come back to that.',
    'Guest: Sure.',
    `Host: ${AD}`,
    'Guest: Right.',
    'Host: So, what else have you learned?',
    `Guest: ${TOPICS[i]?.[1]}`,
  ];
  const segments = lines.map((line, k) => {
    const [speaker, text] = line.split(': ') as [string, string];
    return { start: k * 300, end: k * 300 + 280, speaker, text };
  });
  return { segments, source: 'published:text', hash: `ep${i}` };
}
