import type { components } from './schema';

/** The API's DTOs by name, e.g. `Schemas['UserDto']`. */
export type Schemas = components['schemas'];
