import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { READ_REPLICA } from '@rounds/database';
import { ReadArea } from './read-area';

/** The organizations' change counters: what a cached answer and an ETag are keyed on. */
@Injectable()
export class ReadVersionsService {
  constructor(
    @InjectDataSource() private readonly primary: DataSource,
    @InjectDataSource(READ_REPLICA) private readonly replica: DataSource,
  ) {}

  /**
   * Changes with every committed write to what the area's screens show; one indexed read. Read
   * where the area's rows are read (reports from the replica), so the two never disagree.
   */
  async current(organizationId: string, area: ReadArea): Promise<string> {
    const source = area === ReadArea.Reports ? this.replica : this.primary;
    const [row] = await source.query<{ version: string }[]>(
      `SELECT coalesce(sum(version), 0)::text AS version
         FROM read_versions WHERE organization_id = $1 AND area = $2`,
      [organizationId, area],
    );
    return row.version;
  }
}
