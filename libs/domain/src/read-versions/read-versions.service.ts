import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { READ_REPLICA } from '@rounds/database';
import { ReadArea } from './read-area';

/** An organization's version of each area (absent: never written, version 0). */
export type ReadVersions = Partial<Record<ReadArea, string>>;

const sums = (organization: string) =>
  `SELECT area, sum(version)::text AS version FROM read_versions WHERE organization_id = ${organization}`;

/**
 * Every area's version of the organization `organization` (a parameter or a column), as a
 * column: the session check that every request makes carries it, so a read path's ETag costs no
 * round trip of its own.
 */
export const readVersionsOf = (organization: string) =>
  `(SELECT coalesce(jsonb_object_agg(v.area, v.version), '{}')
     FROM (${sums(organization)} GROUP BY area) v)`;

/** The organizations' change counters: what a cached answer and an ETag are keyed on. */
@Injectable()
export class ReadVersionsService {
  constructor(
    @InjectDataSource() private readonly primary: DataSource,
    @InjectDataSource(READ_REPLICA) private readonly replica: DataSource,
  ) {}

  /**
   * Changes with every committed write to what the area's screens show. Read where the area's
   * rows are read (reports from the replica), so the two never disagree: `known`, read on the
   * primary, serves the areas read there.
   */
  async current(organizationId: string, area: ReadArea, known?: ReadVersions): Promise<string> {
    const source = area === ReadArea.Reports ? this.replica : this.primary;
    if (known && source === this.primary) return known[area] ?? '0';
    const [row] = await source.query<{ version: string }[]>(
      `${sums('$1')} AND area = $2 GROUP BY area`,
      [organizationId, area],
    );
    return row?.version ?? '0';
  }
}
