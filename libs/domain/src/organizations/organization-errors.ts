import { ConflictError } from '../common/domain-error';

/** Refused while the emergency pause is on. */
export class OrganizationPausedError extends ConflictError {
  constructor(reason: string | null, what: string) {
    super(
      `publishing is paused (${reason ?? 'no reason given'}); ${what} must wait until it resumes`,
    );
  }
}
