/**
 * Coalesces calls that arrive while earlier batches are being written (group commit): the first
 * call of a quiet moment runs at once, the ones arriving meanwhile share the next run. Up to
 * `lanes` batches run at a time. Each caller gets its own result, or the error of its batch.
 */
export class MicroBatcher<T, R> {
  private waiting: { item: T; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private running = 0;

  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly options: { maxBatch?: number; lanes?: number } = {},
  ) {}

  add(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      // Calls made in the same tick join the batch before it starts.
      if (this.running < (this.options.lanes ?? 1)) setImmediate(() => void this.lane());
    });
  }

  private async lane(): Promise<void> {
    if (this.running >= (this.options.lanes ?? 1) || this.waiting.length === 0) return;
    this.running += 1;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.options.maxBatch ?? 200);
        try {
          const results = await this.run(batch.map((b) => b.item));
          batch.forEach((b, i) => b.resolve(results[i]));
        } catch (error) {
          batch.forEach((b) => b.reject(error));
        }
      }
    } finally {
      this.running -= 1;
    }
  }
}
