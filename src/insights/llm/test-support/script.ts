/** What a fake provider does for one request, said once for both providers. */
export type Step =
  /** A well-formed answer carrying this structured output. */
  | { output: unknown }
  /** A well-formed answer computed from the user message (the transcript part). */
  | { outputFor: (user: string) => unknown }
  /** The model's text is not JSON (openai), or it answered in prose without the tool (anthropic). */
  | { malformed: true }
  /** The answer was cut off at the output token limit. */
  | { truncated: true }
  /** An error status with the provider's documented error body. */
  | { status: number; headers?: Record<string, string>; message?: string }
  /** A 200 whose body is not JSON at all (a proxy page). */
  | { rawBody: string }
  /** Accept the request and never answer. */
  | { hang: true };

export function tokensOf(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The step for request n; the last one repeats. */
export function stepAt(script: Step[], n: number): Step {
  const step = script[Math.min(n, script.length - 1)];
  if (!step) throw new Error('empty script');
  return step;
}

/** The structured output a well-formed answer carries, or undefined for the other steps. */
export function outputOf(step: Step, user: string): unknown {
  if ('output' in step) return step.output;
  if ('outputFor' in step) return step.outputFor(user);
  return undefined;
}
