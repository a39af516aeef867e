import cliProgress from 'cli-progress';
import type { Progress } from '../jobs/index.js';

/**
 * A progress bar on stderr when it is a terminal; nothing otherwise (pipes and CI stay clean).
 * Returns the callback to report progress and a function to finish the bar.
 */
export function progressBar(label: string): { onProgress: Progress; stop: () => void } {
  if (!process.stderr.isTTY) return { onProgress: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label.padEnd(12)} [{bar}] {value}/{total}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (done, total) => {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        if (total !== bar.getTotal()) bar.setTotal(total);
        bar.update(done);
      }
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
