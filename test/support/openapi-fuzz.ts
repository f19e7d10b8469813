import fc, { Arbitrary } from 'fast-check';

/** The slice of OpenAPI 3 the API's document uses. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  allOf?: Schema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components: { schemas: Record<string, Schema> };
}

interface OperationObject {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** e.g. /api/v1/posts/{id}/approve */
  path: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  body?: { kind: 'json' | 'multipart'; schema: Schema };
}

/** One generated request, plain data, so a failure can be printed and replayed. */
export interface FuzzRequest {
  method: Operation['method'];
  /** the path with its ids filled in, percent-encoded */
  path: string;
  /** already encoded `a=1&b=2` (lone surrogates cannot be encoded by encodeURIComponent) */
  query: string;
  json?: { raw: string };
  multipart?: { fields: Record<string, string>; filename?: string };
  /** what was done to it, for the failure report */
  spoil: string;
  /** strings the request carries that PostgreSQL cannot store (the rule must refuse them) */
  unstorable: boolean;
}

export const NUL = '\u0000';
export const HIGH_SURROGATE = '\ud83d';
export const LOW_SURROGATE = '\ude00';
export const LONG = 100_000;
/** Written apart from the API's rule (String#isWellFormed, ES2024), so the oracle is its own. */
const isWellFormed = (text: string) =>
  (text as unknown as { isWellFormed(): boolean }).isWellFormed();

export function hasUnstorable(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL) || !isWellFormed(value);
  if (Array.isArray(value)) return value.some(hasUnstorable);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => hasUnstorable(k) || hasUnstorable(v));
  return false;
}

/**
 * Whether a string still holds unstorable text once sent as UTF-8 in a URL or a multipart part:
 * a lone surrogate cannot be encoded there (it arrives as U+FFFD), a NUL can.
 */
const travelsUnstorable = (text: string) => text.includes(NUL);

/** Every operation of the document: a new route is fuzzed without anyone writing its test. */
export function listOperations(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const parameters = operation.parameters ?? [];
      const [kind, media] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      operations.push({
        method: method as Operation['method'],
        path,
        pathParams: parameters.filter((p) => p.in === 'path'),
        queryParams: parameters.filter((p) => p.in === 'query'),
        body: media
          ? { kind: kind === 'multipart/form-data' ? 'multipart' : 'json', schema: media.schema }
          : undefined,
      });
    }
  }
  return operations;
}

/** Each string a schema reaches, with its dotted field path (arrays as `.0`), refs resolved. */
export function stringFields(
  document: OpenApiDocument,
  schema: Schema,
  field = '',
  seen = new Set<string>(),
): { field: string; schema: Schema }[] {
  const resolved = resolve(document, schema, seen);
  if (!resolved) return [];
  if (resolved.type === 'string') return [{ field, schema: resolved }];
  if (resolved.type === 'array' && resolved.items)
    return stringFields(document, resolved.items, join(field, '0'), seen);
  return Object.entries(resolved.properties ?? {}).flatMap(([name, child]) =>
    stringFields(document, child, join(field, name), new Set(seen)),
  );
}

const join = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);

function resolve(document: OpenApiDocument, schema: Schema, seen: Set<string>): Schema | null {
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    if (seen.has(name)) return null;
    seen.add(name);
    return resolve(document, document.components.schemas[name], seen);
  }
  if (schema.allOf) {
    const parts = schema.allOf.map((s) => resolve(document, s, seen) ?? {});
    return parts.reduce<Schema>(
      (all, part) => ({
        ...all,
        ...part,
        properties: { ...all.properties, ...part.properties },
        required: [...(all.required ?? []), ...(part.required ?? [])],
      }),
      { ...schema, allOf: undefined },
    );
  }
  return schema;
}

/** Odd but well-formed unicode: marks, joiners, direction overrides, emoji, CJK, BOM. */
const ODD_UNICODE = fc.constantFrom(
  'e\u0301\u0301\u0301',
  '\u200b\u200d\ufeff',
  '\u202eevil\u202c',
  '👩🏽‍⚕️🏥',
  '𝕳𝖔𝖘𝖕𝖎𝖙𝖆𝖑',
  '病院の患者',
  '\uffff\ufffe',
  '\u0085\u2028\u2029',
  "'; DROP TABLE users; --",
  '%00%ED%A0%80',
);

/** Strings PostgreSQL refuses, or that stress a length bound. */
const HOSTILE_STRING: Arbitrary<string> = fc.oneof(
  fc.string().map((s) => `${s}${NUL}${s}`),
  fc.string().map((s) => `${s}${HIGH_SURROGATE}`),
  fc.string().map((s) => `${LOW_SURROGATE}${s}`),
  fc.constant('x'.repeat(LONG)),
  fc.constant('é'.repeat(LONG)),
  ODD_UNICODE,
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const BOUNDARY_NUMBER = fc.constantFrom(
  0,
  -1,
  1,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  -1e308,
  0.5,
  -0,
);

const WRONG_TYPE: Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  BOUNDARY_NUMBER,
  fc.string({ maxLength: 10 }),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

/** Values that conform to the schema, within its bounds. */
export function validValue(
  document: OpenApiDocument,
  schema: Schema,
  depth = 0,
): Arbitrary<unknown> {
  const resolved = resolve(document, schema, new Set());
  if (!resolved || depth > 6) return fc.constant(undefined);
  if (resolved.enum?.length) return fc.constantFrom(...resolved.enum);
  switch (resolved.type) {
    case 'string':
      if (resolved.format === 'uuid') return fc.uuid();
      if (resolved.format === 'date-time')
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString());
      if (resolved.format === 'binary') return fc.constant('');
      return fc.string({
        minLength: resolved.minLength ?? 0,
        maxLength: Math.min(resolved.maxLength ?? 50, 60),
      });
    case 'integer':
    case 'number':
      return fc.integer({ min: resolved.minimum ?? 0, max: resolved.maximum ?? 1000 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(validValue(document, resolved.items ?? {}, depth + 1), {
        maxLength: Math.min(resolved.maxItems ?? 3, 3),
      });
    case undefined:
    default: {
      const properties = Object.entries(resolved.properties ?? {});
      if (!properties.length) return fc.constant({});
      const required = new Set(resolved.required ?? []);
      return fc.record(
        Object.fromEntries(
          properties.map(([name, child]) => [name, validValue(document, child, depth + 1)]),
        ),
        { requiredKeys: properties.map(([n]) => n).filter((n) => required.has(n)) },
      );
    }
  }
}

type Json = Record<string, unknown>;

/** A copy of `value` with the field at `path` (dotted) replaced, or removed when `replacement` is the symbol. */
function setPath(value: unknown, path: string[], replacement: unknown | typeof REMOVE): unknown {
  if (!path.length) return replacement;
  const [head, ...rest] = path;
  const base: Json | unknown[] = Array.isArray(value)
    ? [...value]
    : value && typeof value === 'object'
      ? { ...(value as Json) }
      : {};
  const child = (base as Json)[head];
  const next = setPath(child, rest, replacement);
  if (next === REMOVE) delete (base as Json)[head];
  else (base as Json)[head] = next;
  return base;
}
const REMOVE = Symbol('remove');

/** How a valid body is spoiled: the issue's list, one at a time. */
function spoiledBody(document: OpenApiDocument, schema: Schema): Arbitrary<[unknown, string]> {
  const valid = validValue(document, schema);
  const fields = stringFields(document, schema).filter((f) => f.schema.format !== 'binary');
  const resolved = resolve(document, schema, new Set()) ?? {};
  const names = Object.keys(resolved.properties ?? {});
  const spoilers: Arbitrary<[unknown, string]>[] = [
    valid.map((v) => [v, 'valid body']),
    fc.tuple(WRONG_TYPE).map(([v]) => [v, 'body of a wrong type']),
    fc.constant([{}, 'empty body']),
    fc
      .tuple(
        valid,
        fc.string({ minLength: 1, maxLength: 12 }),
        fc.oneof(WRONG_TYPE, HOSTILE_STRING),
      )
      .map(([v, key, extra]) => [
        { ...(v as Json), [key]: extra },
        `extra field ${JSON.stringify(key)}`,
      ]),
  ];
  if (names.length) {
    const name = fc.constantFrom(...names);
    spoilers.push(
      fc.tuple(valid, name).map(([v, n]) => [setPath(v, [n], REMOVE), `missing ${n}`]),
      fc
        .tuple(valid, name, WRONG_TYPE)
        .map(([v, n, wrong]) => [setPath(v, [n], wrong), `${n} of a wrong type`]),
      fc
        .tuple(valid, name, BOUNDARY_NUMBER)
        .map(([v, n, number]) => [setPath(v, [n], number), `${n} = ${number}`]),
    );
  }
  if (fields.length) {
    // each string field of an otherwise valid body, spoiled in turn
    spoilers.push(
      fc
        .tuple(valid, fc.constantFrom(...fields), HOSTILE_STRING)
        .map(([v, f, text]) => [setPath(v, f.field.split('.'), text), `${f.field} spoiled`]),
    );
  }
  return fc.oneof(...spoilers);
}

const BAD_ID = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    'not-a-uuid',
    'null',
    'undefined',
    '0',
    '-1',
    '00000000-0000-0000-0000-000000000000',
    '..%2F..%2Fetc%2Fpasswd',
    '%00',
    '%ED%A0%80',
    '%E0%A4%A',
    '%25',
    'A'.repeat(5000),
    '%F0%9F%98%80',
  ),
  fc.uuid().map((id) => id.toUpperCase()),
  fc.string({ minLength: 1, maxLength: 40 }).map(encodeWtf8),
);

/** Percent-encodes a string, lone surrogates included (as WTF-8 bytes, which no decoder accepts). */
export function encodeWtf8(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    } else out += encodeURIComponent(char);
  }
  return out;
}

function queryString(
  document: OpenApiDocument,
  params: Parameter[],
): Arbitrary<[string, string, boolean]> {
  const pair = (name: string, value: string) => `${encodeWtf8(name)}=${encodeWtf8(value)}`;
  const validPairs = params.map((p) =>
    fc.option(
      validValue(document, p.schema ?? {}).map((v) => pair(p.name, String(v))),
      { nil: undefined },
    ),
  );
  const valid = fc.tuple(...validPairs).map((pairs) => pairs.filter(Boolean).join('&'));
  const names = params.map((p) => p.name);
  const spoilers: Arbitrary<[string, string, boolean]>[] = [
    valid.map((q) => [q, 'valid query', false]),
    fc
      .tuple(valid, fc.string({ minLength: 1, maxLength: 10 }), HOSTILE_STRING)
      .map(([q, key, value]) => [
        [q, pair(key, value)].filter(Boolean).join('&'),
        'unknown query parameter',
        travelsUnstorable(key) || travelsUnstorable(value),
      ]),
  ];
  if (names.length) {
    spoilers.push(
      fc
        .tuple(
          valid,
          fc.constantFrom(...names),
          fc.oneof(
            HOSTILE_STRING,
            WRONG_TYPE.map((v) => JSON.stringify(v)),
          ),
        )
        .map(([q, name, value]) => [
          [q, pair(name, value)].filter(Boolean).join('&'),
          `query ${name} spoiled`,
          travelsUnstorable(value),
        ]),
      fc
        .tuple(fc.constantFrom(...names), fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }))
        .map(([name, a, b]) => [`${pair(name, a)}&${pair(name, b)}`, `query ${name} twice`, false]),
    );
  }
  return fc.oneof(...spoilers);
}

/** Generated requests for one operation: ids, query and body spoiled in the ways of issue 16. */
export function fuzzRequests(
  document: OpenApiDocument,
  operation: Operation,
  knownIds: string[],
): Arbitrary<FuzzRequest> {
  const id = knownIds.length ? fc.oneof(BAD_ID, fc.constantFrom(...knownIds)) : BAD_ID;
  const path = fc
    .tuple(...operation.pathParams.map(() => id))
    .map((ids) =>
      operation.pathParams.reduce(
        (p, param, i) => p.replace(`{${param.name}}`, ids[i]),
        operation.path,
      ),
    );
  const query = queryString(document, operation.queryParams);
  const body = operation.body
    ? spoiledBody(document, operation.body.schema)
    : fc.constant<[unknown, string]>([undefined, '']);
  const rawJson = fc.constantFrom('{"a":', '[1,2', 'null', '"text"', '{"__proto__":{"x":1}}');
  return fc
    .tuple(path, query, body, fc.nat(19), rawJson)
    .map(([p, [q, querySpoil, queryUnstorable], [value, bodySpoil], dice, raw]) => {
      const base = {
        method: operation.method,
        path: p,
        query: q,
        unstorable: queryUnstorable || hasUnstorable(decodeSafely(p)),
      };
      const spoil = [querySpoil, bodySpoil].filter(Boolean).join(', ');
      if (operation.body?.kind === 'multipart') {
        const fields = Object.fromEntries(
          Object.entries((value as Json) ?? {})
            .filter(([k]) => k !== 'file')
            .map(([k, v]) => [k, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')]),
        );
        const filename = dice < 10 ? `scan${dice % 2 ? NUL : HIGH_SURROGATE}.png` : 'scan.png';
        return {
          ...base,
          multipart: { fields, filename },
          spoil: `${spoil}, file name ${JSON.stringify(filename)}`,
          unstorable:
            base.unstorable ||
            Object.values(fields).some(travelsUnstorable) ||
            travelsUnstorable(filename),
        };
      }
      if (!operation.body && dice > 2) return { ...base, spoil: spoil || 'no body' };
      // Now and then a malformed JSON text instead of the body
      if (dice === 0) return { ...base, json: { raw }, spoil: `${spoil}, raw JSON ${raw}` };
      const json = JSON.stringify(value ?? {});
      return {
        ...base,
        json: { raw: json },
        spoil: spoil || 'unexpected body',
        unstorable: base.unstorable || hasUnstorable(value),
      };
    });
}

function decodeSafely(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return '';
  }
}

/** The request as a command one can paste; the JSON body is read from `bodyFile`, byte for byte. */
export function curlCommand(request: FuzzRequest, role: string, bodyFile: string): string {
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  const query = request.query.length > 2000 ? `${request.query.slice(0, 2000)}…` : request.query;
  const url = `\${ROUNDS_URL:-http://localhost:3000}${request.path}${query ? `?${query}` : ''}`;
  const parts = [`curl -i -X ${request.method.toUpperCase()} "${url.replace(/"/g, '%22')}"`];
  if (role !== 'anonymous')
    parts.push(`-H "Authorization: Bearer $ROUNDS_TOKEN_${role.toUpperCase()}"`);
  if (request.json) parts.push(`-H 'Content-Type: application/json'`, `--data-binary @${bodyFile}`);
  if (request.multipart) {
    for (const [name, value] of Object.entries(request.multipart.fields))
      parts.push(`-F ${quote(`${name}=${value}`)}`);
    parts.push(`-F ${quote(`file=@scan.png;filename=${request.multipart.filename}`)}`);
  }
  return parts.join(' \\\n  ');
}
