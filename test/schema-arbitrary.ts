import fc from 'fast-check';
import { z } from 'zod';

/** A JSON Schema node as `z.toJSONSchema` writes it (the subset the request contracts use). */
type Js = {
  type?: string | string[];
  properties?: Record<string, Js>;
  required?: string[];
  additionalProperties?: boolean | Js;
  items?: Js;
  prefixItems?: Js[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Js[];
  oneOf?: Js[];
  allOf?: Js[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  default?: unknown;
  $ref?: string;
  $defs?: Record<string, Js>;
};

/** The input JSON Schema of a zod request schema (transforms and refinements are not representable; they are skipped). */
export function inputJsonSchema(schema: unknown): Js {
  return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any', cycles: 'ref', reused: 'inline' }) as Js;
}

const isoDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true });
const textUnits = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom(...'АаБбВвГгҐґДдЕеЄєЖжЗзИиІіЇїЙйКкЛлМмНнОоПпРрСсТтУуФфХхЦцЧчШшЩщЬьЮюЯя \'’-'.split('')), maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u0000', '\u202e', '😀👨‍👩‍👧', "'; DROP TABLE cases; --", '<script>alert(1)</script>', '%00', '../../etc/passwd', 'NaN', '-1', '1e309') },
);

function stringArb(s: Js, valid: boolean): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 2000;
  if (s.format === 'uuid') return fc.uuid({ version: 4 });
  if (s.format === 'date') return isoDate.map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'date-time') return isoDate.map((d) => d.toISOString());
  if (s.format === 'email') return fc.emailAddress();
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length >= min && x.length <= max);
    } catch {
      return fc.constant('x'.repeat(Math.max(min, 1)));
    }
  }
  const edges = [min, max].filter((n) => n <= 20_000).map((n) => fc.constant('я'.repeat(n)));
  const body = fc.oneof({ weight: 4, arbitrary: textUnits }, ...edges.map((arbitrary) => ({ weight: 1, arbitrary })));
  return valid ? body.map((x) => (x.length < min ? x.padEnd(min, 'ї') : x.slice(0, max))) : body;
}

function numberArb(s: Js, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (integer ? 1 : 0.001) : -1_000_000);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (integer ? 1 : 0.001) : 1_000_000);
  const base = integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof(base, fc.constantFrom(min, max).map((n) => (integer ? Math.round(n) : n)));
}

/** An arbitrary of values meant to satisfy the schema (best effort: refinements of zod are not known here). */
export function validArbitrary(schema: Js, root: Js = schema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() as string;
    const target = root.$defs?.[name];
    return target && depth < 4 ? validArbitrary(target, root, depth + 1) : fc.constant(null);
  }
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validArbitrary(a, root, depth + 1)));
  if (schema.allOf) return validArbitrary(Object.assign({}, ...schema.allOf) as Js, root, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string':
      return stringArb(schema, true);
    case 'integer':
      return numberArb(schema, true);
    case 'number':
      return numberArb(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? 4, Math.max(minLength, 4));
      return fc.array(schema.items ? validArbitrary(schema.items, root, depth + 1) : fc.constant(null), { minLength, maxLength });
    }
    case 'object': {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(props)) model[key] = validArbitrary(sub, root, depth + 1);
      const requiredKeys = Object.keys(props).filter((k) => required.has(k));
      return fc.record(model, { requiredKeys });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values of the wrong kind, at the edges, or hostile: what a broken or malicious client sends. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.1, '', ' ', 'x'.repeat(70_000), '\u0000', '2026-02-30', '2026-13-01', '0000-00-00', '9999-12-31T25:61:61Z', 'not-a-uuid', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '🙂'.repeat(5000), [], {}, [[[[[[[]]]]]]], { __proto__: { admin: true } }, { constructor: { prototype: { x: 1 } } }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 4 }),
  fc.letrec<{ deep: unknown }>((tie) => ({ deep: fc.oneof({ depthSize: 'small' }, fc.constant(1), fc.record({ a: tie('deep') }), fc.array(tie('deep'), { maxLength: 2 })) })).deep,
);

/** A very deep nesting that a naive recursive validator could choke on. */
export function deepNesting(levels: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < levels; i++) v = i % 2 === 0 ? { a: v } : [v];
  return v;
}

/** Mutates one valid object: drops, retypes or adds a field (the usual invalid inputs). */
export function mutatedArbitrary(schema: Js): fc.Arbitrary<unknown> {
  const valid = validArbitrary(schema);
  const keys = Object.keys(schema.properties ?? {});
  const mutation = fc.record({
    kind: fc.constantFrom('drop', 'retype', 'extra', 'retype', 'whole'),
    key: keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('x'),
    value: hostileValue,
    extraKey: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id', 'version', 'createdBy', 'isAdmin'), fc.string({ maxLength: 20 })),
  });
  return fc.tuple(valid, mutation).map(([v, m]) => {
    if (m.kind === 'whole' || v === null || typeof v !== 'object' || Array.isArray(v)) return m.value;
    const copy: Record<string, unknown> = { ...(v as Record<string, unknown>) };
    if (m.kind === 'drop') delete copy[m.key];
    else if (m.kind === 'retype') copy[m.key] = m.value;
    else Object.defineProperty(copy, m.extraKey, { value: m.value, enumerable: true, writable: true, configurable: true });
    return copy;
  });
}

/** One valid sample of a schema that the zod schema itself accepts (and the server's input guard), or undefined when none is found in `tries`. */
export function sampleValid(zodSchema: unknown, tries = 300, seed = 42): unknown {
  const arb = validArbitrary(inputJsonSchema(zodSchema));
  const schema = zodSchema as z.ZodType;
  const samples = fc.sample(arb, { numRuns: tries, seed });
  // The server refuses U+0000 anywhere before validation (PostgreSQL text cannot hold it), so a valid body has none.
  return samples.find((s) => schema.safeParse(s).success && !(JSON.stringify(s) ?? '').includes('\\u0000'));
}
