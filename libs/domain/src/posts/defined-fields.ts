/**
 * The object without its undefined fields. Validated DTOs are class instances whose unset fields
 * exist as undefined, and spreading one would erase the stored value it was meant to keep.
 */
export function definedFields<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(value ?? {}).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}
