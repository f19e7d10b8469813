/**
 * The name of the read data source (`@InjectDataSource(READ_REPLICA)`): DATABASE_READ_URL, a
 * replica for reads that may be a few seconds stale; the primary when unset (libs/database).
 */
export const READ_REPLICA = 'read';
