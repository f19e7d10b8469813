/** Every BullMQ queue. Names may not contain ':' (PLATFORMS.md §4). */
export enum QueueName {
  Maintenance = 'maintenance',
}

/** Every job, each handled by exactly one processor (checked at worker boot). */
export enum JobName {
  VerifyAuditChains = 'verify-audit-chains',
}

/** Payloads carry ids only; handlers re-read state (STYLE.md rule 6). */
export interface JobPayloads {
  [JobName.VerifyAuditChains]: Record<string, never>;
}

export type JobData<T extends JobName> = JobPayloads[T];

/** The queue each job runs on. */
export const JOB_QUEUE: { [T in JobName]: QueueName } = {
  [JobName.VerifyAuditChains]: QueueName.Maintenance,
};
