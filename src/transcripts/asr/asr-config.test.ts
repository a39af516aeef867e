import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/index.js';
import { AppError } from '../../model/errors.js';
import { createTranscribers } from './create-transcribers.js';

describe('speech-to-text settings', () => {
  it('reads ASR_ENGINE as none or an ordered ladder of distinct engines', () => {
    expect(loadConfig({ env: {} }).asrEngine).toEqual([]);
    expect(loadConfig({ env: { ASR_ENGINE: 'whisper-server, api' } }).asrEngine).toEqual(['whisper-server', 'api']);
    for (const bad of ['api,none', 'api,api', 'whisperx']) {
      expect(() => loadConfig({ env: { ASR_ENGINE: bad } })).toThrow(
        `ASR_ENGINE="${bad}" (environment): expected none, or one or more of api, whisper-server, whisper separated by commas`,
      );
    }
  });

  it('names the setting an engine is missing', () => {
    const c = loadConfig({ env: { ASR_ENGINE: 'api,whisper-server' } });
    expect(() => createTranscribers(c)).toThrow(
      new AppError('asr_not_configured', 'ASR engine "api" needs ASR_API_KEY for the OpenAI API'),
    );
    const keyed = loadConfig({ env: { ASR_ENGINE: 'whisper-server', ASR_API_KEY: 'k' } });
    expect(() => createTranscribers(keyed)).toThrow('ASR engine "whisper-server" needs WHISPER_SERVER_URL');
    const selfHosted = loadConfig({
      env: { ASR_ENGINE: 'api', ASR_BASE_URL: 'http://127.0.0.1:8000/v1', ASR_PRICE_PER_MINUTE_USD: '0' },
    });
    expect(createTranscribers(selfHosted)[0]).toMatchObject({ name: 'api', model: 'whisper-1', pricePerMinuteUsd: 0 });
  });

  it('finds the in-process model under DATA_DIR/models unless WHISPER_MODEL_PATH is set', () => {
    const c = loadConfig({ env: { ASR_ENGINE: 'whisper', DATA_DIR: '/srv/podbrief', WHISPER_MODEL: 'small.en' } });
    expect(createTranscribers(c)[0]).toMatchObject({ name: 'whisper', model: 'small.en', pricePerMinuteUsd: 0 });
    expect(() => loadConfig({ env: { ASR_PRICE_PER_MINUTE_USD: '-1' } })).toThrow('ASR_PRICE_PER_MINUTE_USD');
  });
});
