import type { LlmSettings } from './settings.js';

export interface TokenCount {
  inputTokens: number;
  outputTokens: number;
}

export function costUsd(
  tokens: TokenCount,
  prices: Pick<LlmSettings, 'priceInputPerMtok' | 'priceOutputPerMtok'>,
): number {
  return (tokens.inputTokens * prices.priceInputPerMtok + tokens.outputTokens * prices.priceOutputPerMtok) / 1_000_000;
}

/** Midnight UTC of `now`: the daily budget's day. */
export function formatUsd(amount: number): string {
  return `$${amount.toFixed(amount > 0 && amount < 0.01 ? 4 : 2)}`;
}
