import { DateTime } from 'luxon';
import { DEFAULT_DAILY_QUOTA, GOOGLE_API_METHODS, GoogleApiMethod } from './google-api-methods';

const QUOTA_ZONE = 'America/Los_Angeles';

interface ProjectQuota {
  /** The Pacific calendar day `used` counts for. */
  day: string;
  used: number;
  limit?: number;
}

export interface QuotaSettings {
  limit?: number;
  used?: number;
  /** One Google project; every known project when absent. */
  clientId?: string;
}

/** Daily quota units per Google project (OAuth client id), reset at midnight Pacific. */
export class GoogleQuotaLedger {
  private defaultLimit = DEFAULT_DAILY_QUOTA;
  private readonly projects = new Map<string, ProjectQuota>();

  constructor(private readonly now: () => Date) {}

  /** Records the call and returns true, or returns false when it would exceed today's limit. */
  charge(clientId: string, method: GoogleApiMethod): boolean {
    const project = this.project(clientId);
    const cost = GOOGLE_API_METHODS[method].cost;
    if (project.used + cost > (project.limit ?? this.defaultLimit)) return false;
    project.used += cost;
    return true;
  }

  register(clientId: string): void {
    this.project(clientId);
  }

  configure({ limit, used, clientId }: QuotaSettings): void {
    if (clientId === undefined && limit !== undefined) this.defaultLimit = limit;
    const targets = clientId === undefined ? [...this.projects.keys()] : [clientId];
    for (const id of targets) {
      const project = this.project(id);
      if (clientId !== undefined && limit !== undefined) project.limit = limit;
      if (used !== undefined) project.used = used;
    }
  }

  snapshot() {
    const resetsAt = this.pacific().startOf('day').plus({ days: 1 }).toUTC().toISO();
    const projects = [...this.projects.keys()].map((clientId) => {
      const project = this.project(clientId);
      return { clientId, used: project.used, limit: project.limit ?? this.defaultLimit };
    });
    return { day: this.today(), resetsAt, defaultLimit: this.defaultLimit, projects };
  }

  private project(clientId: string): ProjectQuota {
    const today = this.today();
    const project = this.projects.get(clientId) ?? { day: today, used: 0 };
    if (project.day !== today) Object.assign(project, { day: today, used: 0 });
    this.projects.set(clientId, project);
    return project;
  }

  private pacific(): DateTime {
    return DateTime.fromJSDate(this.now(), { zone: QUOTA_ZONE });
  }

  private today(): string {
    return this.pacific().toISODate() ?? '';
  }
}
