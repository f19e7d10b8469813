import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JOB_QUEUE, JobName } from '@rounds/queue';
import { JobProcessor } from './processors/job-processor';

/** Boot fails unless every job name has exactly one handler, on its own queue's processor. */
export function checkJobHandlers(processors: JobProcessor[]): void {
  const problems: string[] = [];
  for (const name of Object.values(JobName)) {
    const owners = processors.filter((p) => p.handlers[name]);
    if (owners.length !== 1) {
      problems.push(`${name} has ${owners.length} handlers`);
    } else if (owners[0].queue !== JOB_QUEUE[name]) {
      problems.push(`${name} is handled on ${owners[0].queue}, but runs on ${JOB_QUEUE[name]}`);
    }
  }
  if (problems.length > 0) throw new Error(`Job handlers are wrong: ${problems.join('; ')}`);
}

@Injectable()
export class JobRegistryCheck implements OnApplicationBootstrap {
  constructor(private readonly discovery: DiscoveryService) {}

  onApplicationBootstrap(): void {
    const processors = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is JobProcessor => instance instanceof JobProcessor);
    checkJobHandlers(processors);
  }
}
