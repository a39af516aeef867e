/**
 * Hands `emit` the items numbered 0, 1, 2… in that order, however they arrive: holds only those that
 * came before an earlier one (the sends still in flight ahead of them). `flush` hands on what is
 * held, in order, past any number that never came (a run that failed).
 */
export function inOrder<T>(emit: (item: T) => void): { push: (item: T, index: number) => void; flush: () => void } {
  const early = new Map<number, T>();
  let next = 0;
  const drain = () => {
    while (early.has(next)) {
      const ready = early.get(next) as T;
      early.delete(next);
      next += 1;
      emit(ready);
    }
  };
  return {
    push(item, index) {
      early.set(index, item);
      drain();
    },
    flush() {
      for (const index of [...early.keys()].sort((a, b) => a - b)) {
        next = index;
        drain();
      }
    },
  };
}
