import 'reflect-metadata';
import { createTemplateDatabase } from './test-database';

createTemplateDatabase().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
