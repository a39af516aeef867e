/**
 * How long a worker holds an episode it is processing. Longer than a slow in-process transcription
 * of a long episode; a worker that dies holding one delays that episode by this much at most.
 */
export const EPISODE_LEASE_MS = 2 * 60 * 60_000;
