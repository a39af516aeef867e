import { Option, type Command } from 'commander';
import { ASR_ENGINES, type AsrEngineName } from '../../config/options.js';
import { transcribeAudio, type AsrProgress } from '../../transcripts/asr/index.js';
import { loadGlobalConfig, printJson } from '../context.js';
import { say } from '../terminal-text.js';
import { progressBar } from '../progress.js';
import { clock } from './local-files.js';
import { byteProgress } from './models.js';

/** `podbrief transcribe`: speech-to-text of one audio file or URL with the configured (or chosen) engine. */
export function transcribeCommand(program: Command): void {
  program
    .command('transcribe <audio-file-or-url>')
    .description('turn audio into a timed transcript with speech-to-text (ffmpeg decodes it; see ASR_* settings)')
    .addOption(new Option('--engine <engine>', 'one engine instead of the ASR_ENGINE ladder').choices([...ASR_ENGINES]))
    .option('--language <code>', 'spoken language (ISO 639-1), when the engine should not detect it')
    .option('--json', 'print JSON {segments: [{start, end, speaker?, text}], language, source}')
    .action(async (source: string, opts: { engine?: AsrEngineName; language?: string; json?: boolean }) => {
      const config = loadGlobalConfig(program);
      const download = byteProgress('download');
      const chunks = progressBar('transcribe');
      const onProgress = (p: AsrProgress): void => {
        if (p.stage === 'download') download.update(p.bytes, p.totalBytes);
        else download.stop();
        if (p.stage === 'transcribe') chunks.onProgress(p.done, p.total);
      };
      let result;
      try {
        result = await transcribeAudio(source, {
          config,
          onProgress,
          ...(opts.engine && { engine: opts.engine }),
          ...(opts.language && { language: opts.language }),
        });
      } finally {
        download.stop();
        chunks.stop();
      }
      const { transcript } = result;
      const summary = `${result.engine} (${result.model}): ${(result.audioSeconds / 60).toFixed(1)} min of audio, $${result.costUsd.toFixed(4)}${result.cachedChunks ? `, ${result.cachedChunks} chunk(s) from an earlier run` : ''}`;
      for (const f of result.failures) process.stderr.write(`podbrief: not used: ${f}\n`);
      process.stderr.write(`podbrief: transcribed by ${summary}\n`);
      if (opts.json) {
        const segments = transcript.segments.map((s) => ({
          start: s.start,
          end: s.end,
          ...(s.speaker && { speaker: s.speaker }),
          text: s.text,
        }));
        return printJson({ segments, language: transcript.language ?? null, source: transcript.source });
      }
      for (const s of transcript.segments) say(`[${clock(s.start)}] ${s.speaker ? s.speaker + ': ' : ''}${s.text}`);
    });
}
