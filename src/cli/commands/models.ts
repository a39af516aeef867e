import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { downloadModel, ggmlModels, modelFileName, modelsDir } from '../../transcripts/asr/index.js';
import { loadGlobalConfig, printJson } from '../context.js';

/** `podbrief models`: ggml models of the in-process engine, fetched only when asked. */
export function modelsCommand(program: Command): void {
  const models = program
    .command('models')
    .description('ggml models for the in-process speech-to-text engine (ASR_ENGINE=whisper)');
  models
    .command('list', { isDefault: true })
    .description('standard models and which are in DATA_DIR/models')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const c = loadGlobalConfig(program);
      const dir = modelsDir(c.dataDir);
      const rows = ggmlModels().map((m) => {
        const path = join(dir, modelFileName(m.name));
        return {
          name: m.name,
          sizeMB: Math.round(m.bytes / 1e6),
          sha256: m.sha256,
          installed: existsSync(path),
          path,
          selected: !c.whisperModelPath && m.name === c.whisperModel,
        };
      });
      if (opts.json) return printJson({ dir, whisperModelPath: c.whisperModelPath || null, models: rows });
      for (const r of rows)
        console.log(
          `${r.selected ? '*' : ' '} ${r.name.padEnd(16)} ${String(r.sizeMB).padStart(5)} MB  ${r.installed ? 'installed' : '-'}`,
        );
      console.log(`\nfolder: ${dir}${c.whisperModelPath ? `\nWHISPER_MODEL_PATH: ${c.whisperModelPath}` : ''}`);
    });
  models
    .command('download <name>')
    .description(
      'fetch ggml-<name>.bin (base.en, small.en, tiny.en, …) from WHISPER_MODEL_BASE_URL, verified by SHA-256',
    )
    .option('--sha256 <hex>', 'expected SHA-256 (required for models outside the built-in list)')
    .option('--force', 'download again even if the file is there')
    .action(async (name: string, opts: { sha256?: string; force?: boolean }) => {
      const c = loadGlobalConfig(program);
      const bar = byteProgress(`ggml-${name}`);
      try {
        const got = await downloadModel(name, {
          baseUrl: c.whisperModelBaseUrl,
          dir: modelsDir(c.dataDir),
          ...(opts.sha256 && { sha256: opts.sha256 }),
          ...(opts.force && { force: true }),
          // The model host is the operator's setting (a LAN mirror is fine), not a feed's URL.
          download: {
            userAgent: c.userAgent,
            allowPrivateNetworks: true,
            connectTimeoutMs: c.fetchConnectTimeoutSeconds * 1000,
          },
          onProgress: bar.update,
        });
        bar.stop();
        if (!got.downloaded)
          return console.log(
            `${got.path} is already there (${Math.round(statSync(got.path).size / 1e6)} MB); --force downloads it again`,
          );
        const resumed = got.resumedFrom > 0 ? `, resumed at ${Math.round(got.resumedFrom / 1e6)} MB` : '';
        console.log(`saved ${got.path} (${Math.round(got.bytes / 1e6)} MB, sha256 ${got.sha256} verified${resumed})`);
        if (c.whisperModel !== name && !c.whisperModelPath)
          console.log(`use it with WHISPER_MODEL=${name} ASR_ENGINE=whisper`);
      } finally {
        bar.stop();
      }
    });
}

/** A byte progress bar on stderr when it is a terminal; nothing otherwise. */
export function byteProgress(label: string): {
  update: (bytes: number, total: number | undefined) => void;
  stop: () => void;
} {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% {mb}/{totalMb} MB`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  const mb = (n: number): string => (n / 1e6).toFixed(1);
  return {
    update: (bytes, total) => {
      const t = total ?? bytes;
      if (!started) {
        bar.start(t, bytes, { mb: mb(bytes), totalMb: total === undefined ? '?' : mb(t) });
        started = true;
      } else bar.update(bytes, { mb: mb(bytes), totalMb: total === undefined ? '?' : mb(t) });
      if (total === undefined) bar.setTotal(bytes);
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}
