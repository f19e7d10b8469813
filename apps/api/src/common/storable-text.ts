import { BadRequestException } from '@nestjs/common';
import { isStorableText } from '@rounds/domain';

export const STORABLE_TEXT_RULE = 'storableText';

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
};

/**
 * The first string (or object key) PostgreSQL cannot store, named as the validation errors name
 * fields (`x.images[0].altText`). Iterative, so a deeply nested body cannot exhaust the stack.
 */
export function findUnstorableField(value: unknown, root = ''): string | undefined {
  const pending: [unknown, string][] = [[value, root]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, field] = next;
    if (typeof item === 'string') {
      if (!isStorableText(item)) return field;
    } else if (Array.isArray(item)) {
      item.forEach((element, index) => pending.push([element, fieldPath(field, String(index))]));
    } else if (isPlainObject(item)) {
      for (const [key, child] of Object.entries(item)) {
        // An unstorable key is named by its parent: echoing it would echo the very bytes.
        if (!isStorableText(key)) return field || 'body';
        pending.push([child, fieldPath(field, key)]);
      }
    }
  }
  return undefined;
}

/** A field's name as every 400 gives it, as the domain's rules do: `x.thread[1].images[0].altText`. */
export const fieldPath = (parent: string, key: string) =>
  !parent ? key : /^\d+$/.test(key) ? `${parent}[${key}]` : `${parent}.${key}`;

/** Throws the 400 of every other validation error, naming the field and this rule. */
export function refuseUnstorableInput(value: unknown, root = ''): void {
  const field = findUnstorableField(value, root);
  if (field === undefined) return;
  const message = `${field} must not contain a NUL character or an unpaired UTF-16 surrogate`;
  throw new BadRequestException({
    message,
    errors: [{ field, rule: STORABLE_TEXT_RULE, message }],
  });
}
