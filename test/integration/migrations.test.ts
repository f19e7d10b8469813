import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@rounds/database';
import { createEmptyDatabase, dropTestDatabase } from '../support/test-database';
import { databaseUrl } from '../support/test-env';

describe('migrations', () => {
  let name: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    name = await createEmptyDatabase();
    dataSource = new DataSource(dataSourceOptions(databaseUrl(name)));
    await dataSource.initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await dropTestDatabase(name);
  });

  it('build exactly the schema the entities describe', async () => {
    await dataSource.runMigrations({ transaction: 'each' });
    const pending = await dataSource.driver.createSchemaBuilder().log();
    // A non-empty list means: run `npm run migration:generate -- <Name>` and commit the file.
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('can all be reverted', async () => {
    const count = async () =>
      (await dataSource.query('SELECT count(*)::int AS n FROM migrations'))[0].n as number;
    while ((await count()) > 0) await dataSource.undoLastMigration({ transaction: 'each' });
    const tables = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    expect(tables).toEqual([]);
  });
});
