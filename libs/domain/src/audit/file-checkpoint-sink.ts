import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckpointSink, SignedCheckpoint } from './checkpoint';

/**
 * One NDJSON file per organization, only ever opened for appending and synced to disk before the
 * checkpoint counts as written. Put the directory where the database's logins cannot write (another
 * host or volume; `chattr +a` makes the files append-only for root too).
 */
export class FileCheckpointSink implements CheckpointSink {
  constructor(private readonly directory: string) {}

  async append(checkpoint: SignedCheckpoint): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const file = await open(this.path(checkpoint.organizationId), 'a');
    try {
      await file.write(`${JSON.stringify(checkpoint)}\n`);
      await file.datasync();
    } finally {
      await file.close();
    }
  }

  async list(organizationId: string): Promise<SignedCheckpoint[]> {
    const text = await readFile(this.path(organizationId), 'utf8').catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw error;
    });
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as SignedCheckpoint);
  }

  private path(organizationId: string): string {
    // Organization ids are uuids; refuse anything else rather than build a path from it.
    if (!/^[0-9a-f-]{36}$/.test(organizationId)) throw new Error('not an organization id');
    return join(this.directory, `${organizationId}.ndjson`);
  }
}
