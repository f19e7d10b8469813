import { Foundation1795608235534 } from './1795608235534-Foundation';
import { AuditAppendOnly1795608235535 } from './1795608235535-AuditAppendOnly';

/** In order; `npm run migration:generate -- Name` writes a new file to add here. */
export const migrations = [Foundation1795608235534, AuditAppendOnly1795608235535];
