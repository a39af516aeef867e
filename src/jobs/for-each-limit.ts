/**
 * Runs `fn` over the items of `pages` with at most `limit` in flight, taking the next page only
 * when the one before is all started: what is held is one page and the items in flight, however
 * long the source. Rejects with the first error; no item starts after it (those already started
 * finish on their own).
 */
export async function forEachLimit<T>(
  pages: AsyncIterable<readonly T[]>,
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  const source = pages[Symbol.asyncIterator]();
  let page: readonly T[] = [];
  let next = 0;
  let index = 0;
  let ended = false;
  let failed = false;
  // One reader at a time: workers that run out wait for the same page read, not one each.
  let reading: Promise<void> | undefined;
  const readPage = async (): Promise<void> => {
    const step = await source.next();
    if (step.done) ended = true;
    else {
      page = step.value;
      next = 0;
    }
  };
  const take = async (): Promise<{ item: T; index: number } | undefined> => {
    while (next >= page.length || failed) {
      if (ended || failed) return undefined;
      reading ??= readPage().finally(() => {
        reading = undefined;
      });
      await reading;
    }
    return { item: page[next++] as T, index: index++ };
  };
  const worker = async (): Promise<void> => {
    for (let taken = await take(); taken; taken = await take()) {
      try {
        await fn(taken.item, taken.index);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  // After a failure no item starts, but those in flight finish before it is thrown: their side
  // effects (a mail sent) are done, and their results are handed on, not lost.
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, limit) }, worker));
  const failure = settled.find((s) => s.status === 'rejected');
  if (failure) throw failure.reason;
}
