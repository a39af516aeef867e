import type { Config } from './options.js';

type LlmOptions = Pick<Config, 'llmProvider' | 'llmBaseUrl' | 'llmModel' | 'llmApiKey'>;

/**
 * What keeps the LLM engine from running with these settings, one line each. Checked at config
 * load when INSIGHT_ENGINE=llm, and by `podbrief insights --engine llm`.
 */
export function llmConfigProblems(c: LlmOptions): string[] {
  const problems: string[] = [];
  if (c.llmModel === '') {
    problems.push('the LLM engine needs LLM_MODEL (e.g. gpt-4o-mini, claude-sonnet-4-5, llama3.1)');
  }
  // Self-hosted OpenAI-compatible servers (Ollama, vLLM, llama.cpp) take no key; the hosted defaults do.
  if (c.llmApiKey === '' && (c.llmProvider === 'anthropic' || c.llmBaseUrl === '')) {
    const where =
      c.llmProvider === 'anthropic' ? 'LLM_PROVIDER=anthropic' : 'the default LLM_BASE_URL (api.openai.com)';
    problems.push(`${where} needs LLM_API_KEY (or LLM_API_KEY_FILE)`);
  }
  return problems;
}
