import { canonicalize } from './canonicalize';

/** What survives a trip through `jsonb` unchanged: no Date, undefined, Map or class instance. */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
// An interface (not a type alias), so deep generic types such as TypeORM's partials stay finite.
export interface JsonObject {
  [key: string]: JsonValue;
}

/** RFC 8785 (JSON Canonicalization Scheme): equal values give equal bytes, whatever jsonb did to them. */
export function canonicalJson(value: JsonValue): string {
  return canonicalize(value)!;
}
