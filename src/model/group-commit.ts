/**
 * Turns a batch write into a one-item call that many concurrent callers share: the items that
 * arrive while a batch is being written go together in the next one, so N callers in flight (a send
 * run's briefs, a poll's feeds) cost about one commit (one fsync on SQLite) per round instead of N. Each caller still waits for its
 * own item to be committed, so nothing is acknowledged before it is stored. When a batch fails,
 * its items are written one by one, so one bad item fails only its own caller.
 */
export function groupCommit<I, O>(
  write: (items: I[]) => Promise<O[]>,
  { maxBatch = 500, windowMs = 50 }: { maxBatch?: number; windowMs?: number } = {},
): (item: I) => Promise<O> {
  const queue: { item: I; resolve: (out: O) => void; reject: (err: unknown) => void }[] = [];
  let writing = false;

  const writeAlone = async (entry: (typeof queue)[number]): Promise<void> => {
    try {
      const [out] = await write([entry.item]);
      entry.resolve(out as O);
    } catch (err) {
      entry.reject(err);
    }
  };

  const drain = async (): Promise<void> => {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        const outs = await write(batch.map((e) => e.item));
        batch.forEach((e, i) => e.resolve(outs[i] as O));
      } catch (err) {
        if (batch.length === 1) batch[0]?.reject(err);
        else for (const entry of batch) await writeAlone(entry);
      }
    }
    writing = false;
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      // Wait a little so that the callers running now join the same batch: on SQLite a commit
      // blocks the process for an fsync, so nothing arrives while one is being written, and each
      // caller arrives after its own compose or send; 50 ms gathers tens of them at a few ms each.
      if (!writing) {
        writing = true;
        setTimeout(() => void drain(), windowMs);
      }
    });
}
