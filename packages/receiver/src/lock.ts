/**
 * Mutual exclusion for async work: one task at a time per lock, in arrival order. The receiver
 * holds one lock per session (two deliveries of a session must not merge or write at the same
 * time), never one for everything: sessions go in parallel.
 */

/** One lock. */
export class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  /** Run `task` once every task queued before it has settled. */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** A lock per key, dropped when nothing holds or waits for it. */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Run `task` once every task queued before it under the same key has settled. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** How many keys are held or waited for (for tests). */
  get size(): number {
    return this.tails.size;
  }
}
