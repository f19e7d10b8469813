import { MicroBatcher } from './micro-batcher';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('MicroBatcher', () => {
  it('runs calls of one tick together and gives each caller its own result', async () => {
    const runs: number[][] = [];
    const batcher = new MicroBatcher(async (items: number[]) => {
      runs.push(items);
      return items.map((i) => i * 10);
    });
    const results = await Promise.all([1, 2, 3].map((i) => batcher.add(i)));
    expect(results).toEqual([10, 20, 30]);
    expect(runs).toEqual([[1, 2, 3]]);
  });

  it('gathers calls that arrive during a run into the next one', async () => {
    const runs: number[][] = [];
    let release!: () => void;
    const batcher = new MicroBatcher(async (items: number[]) => {
      runs.push(items);
      if (runs.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return items;
    });
    const first = batcher.add(1);
    await tick();
    const later = [batcher.add(2), batcher.add(3)];
    release();
    await Promise.all([first, ...later]);
    expect(runs).toEqual([[1], [2, 3]]);
  });

  it('fails every caller of a failed batch, and keeps serving the next ones', async () => {
    let fail = true;
    const batcher = new MicroBatcher(async (items: number[]) => {
      if (fail) throw new Error('database down');
      return items;
    });
    await expect(Promise.all([batcher.add(1), batcher.add(2)])).rejects.toThrow('database down');
    fail = false;
    await expect(batcher.add(3)).resolves.toBe(3);
  });

  it('splits a crowd into batches of at most maxBatch', async () => {
    const sizes: number[] = [];
    const batcher = new MicroBatcher(async (items: number[]) => {
      sizes.push(items.length);
      return items;
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((i) => batcher.add(i)));
    expect(sizes).toEqual([2, 2, 1]);
  });
});
