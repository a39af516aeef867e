export { transcribeAudio, type TranscribeAudioOptions } from './transcribe-audio.js';
export type { AsrResult, AsrProgress } from './run-asr.js';
export { createTranscriber, createAsrLadder, type AsrRung } from './create-transcribers.js';
export { whisperTranscriber } from './whisper-transcriber.js';
export { downloadModel } from './download-model.js';
export { ggmlModels, modelsDir, modelFileName } from './model-catalog.js';
export { transcribeEpisode, type EpisodeAsrDeps } from './episode-asr.js';
export { preferPublished, withNewlyPublished } from './published-later.js';
