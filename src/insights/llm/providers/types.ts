export interface ProviderRequest {
  system: string;
  user: string;
  schemaName: string;
  schema: Record<string, unknown>;
  maxOutputTokens: number;
}

export interface ProviderReply {
  /** What the model produced: JSON text (openai) or the tool input object (anthropic). */
  content: unknown;
  /** Why `content` is unusable even though the call succeeded. */
  problem?: { code: 'malformed_output' | 'truncated_output' | 'refused_output'; message: string };
  /** As the provider reported them; undefined when it did not. */
  inputTokens?: number;
  outputTokens?: number;
  /** Size of the answer, to estimate output tokens when none are reported. */
  replyBytes: number;
}

/** One HTTP exchange with a model API, without retries (those are the caller's policy). */
export interface LlmProvider {
  readonly name: 'openai' | 'anthropic';
  complete(request: ProviderRequest): Promise<ProviderReply>;
}
