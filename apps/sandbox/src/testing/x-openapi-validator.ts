import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const SPEC_PATH = join(__dirname, '../../specs/x-api-v2.openapi.json');
const SPEC_ID = 'x-api-v2';

/**
 * Checks bodies against a schema of the X OpenAPI document. Lenient where the document is wrong:
 * `required` entries that name no defined property (MediaUploadResponse.meta,
 * ProcessingInfo.type) are dropped.
 */
export function createXOpenApiValidator(): (schemaName: string, body: unknown) => string[] {
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8'));
  dropUndefinedRequired(spec);
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // OpenAPI's own formats: the types already say all there is to check.
  for (const format of ['int32', 'int64', 'long', 'integer', 'binary']) ajv.addFormat(format, true);
  ajv.addSchema({ $id: SPEC_ID, components: spec.components });
  return (schemaName, body) => {
    const validate = ajv.getSchema(`${SPEC_ID}#/components/schemas/${schemaName}`);
    if (!validate) throw new Error(`No schema ${schemaName} in the X OpenAPI document`);
    return validate(body)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  };
}

function dropUndefinedRequired(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(dropUndefinedRequired);
  if (typeof node !== 'object' || node === null) return;
  const schema = node as { required?: unknown; properties?: Record<string, unknown> };
  if (Array.isArray(schema.required) && schema.properties) {
    schema.required = schema.required.filter((name) => name in schema.properties!);
  }
  Object.values(node).forEach(dropUndefinedRequired);
}
