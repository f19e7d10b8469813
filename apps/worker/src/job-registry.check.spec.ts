import { JOB_QUEUE, JobName, QueueName } from '@rounds/queue';
import { checkJobHandlers } from './job-registry.check';
import { JobProcessor } from './processors/job-processor';

const processor = (queue: QueueName, names: JobName[]) =>
  ({
    queue,
    handlers: Object.fromEntries(names.map((n) => [n, () => Promise.resolve()])),
  }) as unknown as JobProcessor;

const all = Object.values(JobName);

describe('checkJobHandlers', () => {
  it('accepts one handler per job on its queue', () => {
    const byQueue = new Map<QueueName, JobName[]>();
    for (const name of all) {
      byQueue.set(JOB_QUEUE[name], [...(byQueue.get(JOB_QUEUE[name]) ?? []), name]);
    }
    const processors = [...byQueue].map(([queue, names]) => processor(queue, names));
    expect(() => checkJobHandlers(processors)).not.toThrow();
  });

  it('fails when a job has no handler', () => {
    expect(() => checkJobHandlers([])).toThrow(`${all[0]} has 0 handlers`);
  });

  it('fails when a job has two handlers', () => {
    const twice = [processor(QueueName.Maintenance, all), processor(QueueName.Maintenance, all)];
    expect(() => checkJobHandlers(twice)).toThrow('has 2 handlers');
  });
});
