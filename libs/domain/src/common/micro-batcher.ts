/**
 * Coalesces calls that arrive while the previous batch is being written (group commit): the first
 * call of a quiet moment runs at once, the ones arriving meanwhile share the next run. Each caller
 * gets its own result, or the error of its batch.
 */
export class MicroBatcher<T, R> {
  private waiting: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private running = false;

  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly maxBatch = 200,
  ) {}

  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      // Calls made in the same tick join the batch before it starts.
      if (!this.running) setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.maxBatch);
        try {
          const results = await this.run(batch.map((b) => b.item));
          batch.forEach((b, i) => b.resolve(results[i]));
        } catch (error) {
          batch.forEach((b) => b.reject(error));
        }
      }
    } finally {
      this.running = false;
    }
  }
}
