import type { Logger } from '../../../logger.js';
import type { LlmSettings } from '../settings.js';
import { anthropicMessagesProvider } from './anthropic-messages.js';
import { openAiChatProvider } from './openai-chat.js';
import type { LlmProvider } from './types.js';

export function createProvider(settings: LlmSettings, log?: Logger): LlmProvider {
  return settings.provider === 'anthropic' ? anthropicMessagesProvider(settings) : openAiChatProvider(settings, log);
}

export type { LlmProvider } from './types.js';
