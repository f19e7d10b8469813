import type { OpenAPIObject } from '@nestjs/swagger';
import { DATE_TIME_MAX } from './date-time-field';

/** A UUID's canonical length; IsUUID refuses anything else. */
const UUID_LENGTH = 36;

interface StringSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  maxLength?: number;
}

/**
 * The maxLength a string schema's own format or enum already bounds, so only free-text fields
 * need it written in their DTO (a test checks that every string an operation takes has one).
 */
function impliedMaxLength(schema: StringSchema): number | undefined {
  if (schema.format === 'uuid') return UUID_LENGTH;
  // Every date-time field is read through ToDate, which refuses longer strings.
  if (schema.format === 'date-time') return DATE_TIME_MAX;
  if (schema.enum?.length) return Math.max(...schema.enum.map((value) => String(value).length));
  return undefined;
}

function visit(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(visit);
  if (typeof node !== 'object' || node === null) return;
  const schema = node as StringSchema;
  if (schema.type === 'string' && schema.maxLength === undefined) {
    const implied = impliedMaxLength(schema);
    if (implied !== undefined) schema.maxLength = implied;
  }
  Object.values(node).forEach(visit);
}

/** Adds the maxLength that uuid and date-time formats and enums imply, everywhere in the document. */
export function documentImpliedLimits(document: OpenAPIObject): OpenAPIObject {
  visit(document);
  return document;
}
