import { describe, expect, it } from 'vitest';
import { apiErrorText, retryAfterMsOf } from './api-error.js';

describe('apiErrorText', () => {
  it('reads OpenAI and Anthropic error bodies, and nothing from anything else', () => {
    expect(
      apiErrorText({ error: { message: 'Rate limit\n reached', type: 'rate_limit_error', param: null, code: 'x' } }),
    ).toEqual({ message: 'Rate limit reached', type: 'rate_limit_error' });
    expect(apiErrorText({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })).toEqual({
      message: 'Overloaded',
      type: 'overloaded_error',
    });
    expect(apiErrorText({ error: { message: 'bad', code: 'invalid_api_key', param: 'model' } })).toEqual({
      message: 'bad',
      type: 'invalid_api_key',
      param: 'model',
    });
    expect(apiErrorText({ error: 'plain text' })).toEqual({ message: 'plain text' });
    expect(apiErrorText({ status: 'false', description: "Authorization header doesn't match" })).toEqual({
      message: "Authorization header doesn't match",
    });
    expect(apiErrorText({ errorMessage: 'Invalid value(s) for key(s): [entity]' })).toEqual({
      message: 'Invalid value(s) for key(s): [entity]',
    });
    expect(apiErrorText(undefined)).toEqual({});
    expect(apiErrorText([1, 2])).toEqual({});
  });
});

describe('retryAfterMsOf', () => {
  it('prefers retry-after-ms, falls back to Retry-After seconds, ignores garbage', () => {
    expect(retryAfterMsOf({ 'retry-after-ms': '1500', 'retry-after': '7' })).toBe(1500);
    expect(retryAfterMsOf({ 'retry-after': '7' })).toBe(7000);
    expect(retryAfterMsOf({ 'retry-after-ms': 'soon' })).toBeUndefined();
    expect(retryAfterMsOf({})).toBeUndefined();
  });
});
