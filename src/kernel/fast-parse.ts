/**
 * A fast path for zod schemas on the hot path of `dispatch`. Zod stays the one source of the rules:
 * this module reads a schema's own definition (its shape, enum values, literal values, length
 * limits, bounds and the very RegExp objects it tests with) and compiles a checker that answers
 * "certainly valid, and here is exactly what zod would return" or "not sure: ask zod". It knows a
 * small set of schema kinds — strict objects, strings with patterns, lengths and trimming, enums,
 * literals, finite and safe-integer numbers, booleans, arrays, optional, nullable and discriminated
 * unions — and declines anything else, so a schema it does not understand costs only the zod parse.
 * A property test holds it to agreeing with zod.
 */

/** What a compiled checker returns when it is not certain; zod decides then. */
const UNSURE: unique symbol = Symbol('unsure');

type Check = (input: unknown) => unknown;

/** The parts of a zod 4 schema this module reads (zod's documented `_zod.def` for library authors). */
interface ZodLike {
  readonly _zod: { readonly def: Def };
}
interface Def {
  readonly type: string;
  readonly checks?: readonly ZodLike[];
  readonly check?: string;
  readonly coerce?: boolean;
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly value?: number;
  readonly inclusive?: boolean;
  readonly tx?: (value: unknown) => unknown;
  readonly shape?: Readonly<Record<string, ZodLike>>;
  readonly catchall?: ZodLike;
  readonly entries?: Readonly<Record<string, unknown>>;
  readonly values?: readonly unknown[];
  readonly element?: ZodLike;
  readonly innerType?: ZodLike;
  readonly options?: readonly ZodLike[];
  readonly discriminator?: string;
}

const hasOwn = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);
const SURROGATE = /[\uD800-\uDFFF]/;

/** A string's length as zod counts it (code points), or -1 when that needs more than counting units. */
function codePoints(s: string): number {
  return SURROGATE.test(s) ? -1 : s.length;
}

type LengthOrPattern = (value: string | readonly unknown[]) => boolean;

function lengthChecks(checks: readonly ZodLike[], kind: 'string' | 'array'): LengthOrPattern[] | null {
  const tests: LengthOrPattern[] = [];
  for (const c of checks) {
    const d = c._zod.def;
    if (d.check === 'min_length' && typeof d.minimum === 'number') {
      const min = d.minimum;
      tests.push((v) => (typeof v === 'string' ? codePoints(v) >= min : v.length >= min));
    } else if (d.check === 'max_length' && typeof d.maximum === 'number') {
      const max = d.maximum;
      // A string that fits in UTF-16 units fits in code points.
      tests.push((v) => v.length <= max);
    } else if (kind === 'string' && d.check === 'string_format' && d.pattern instanceof RegExp) {
      const pattern = d.pattern;
      tests.push((v) => {
        pattern.lastIndex = 0;
        return pattern.test(v as string);
      });
    } else if (kind === 'string' && d.check === 'overwrite' && typeof d.tx === 'function') {
      // Accept only values the overwrite leaves as they are (a trimmed string, say), so every
      // later check sees the same value zod would.
      const tx = d.tx;
      tests.push((v) => tx(v) === v);
    } else {
      return null;
    }
  }
  return tests;
}

function compileString(def: Def): Check | null {
  if (def.coerce) return null;
  const tests = lengthChecks(def.checks ?? [], 'string');
  if (tests === null) return null;
  if (def.format !== undefined) {
    // A string format (an ISO date or instant): the schema tests its own pattern.
    if (!(def.pattern instanceof RegExp)) return null;
    const pattern = def.pattern;
    tests.unshift((v) => {
      pattern.lastIndex = 0;
      return pattern.test(v as string);
    });
  }
  return (input) => {
    if (typeof input !== 'string') return UNSURE;
    for (const test of tests) if (!test(input)) return UNSURE;
    return input;
  };
}

function compileNumber(def: Def): Check | null {
  if (def.coerce) return null;
  const tests: ((n: number) => boolean)[] = [];
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'number_format' && d.format === 'safeint') tests.push(Number.isSafeInteger);
    else if (d.check === 'greater_than' && typeof d.value === 'number') {
      const bound = d.value;
      tests.push(d.inclusive ? (n) => n >= bound : (n) => n > bound);
    } else if (d.check === 'less_than' && typeof d.value === 'number') {
      const bound = d.value;
      tests.push(d.inclusive ? (n) => n <= bound : (n) => n < bound);
    } else return null;
  }
  return (input) => {
    if (typeof input !== 'number' || !Number.isFinite(input)) return UNSURE;
    for (const test of tests) if (!test(input)) return UNSURE;
    return input;
  };
}

function compileArray(def: Def): Check | null {
  const element = def.element === undefined ? null : compile(def.element);
  const tests = lengthChecks(def.checks ?? [], 'array');
  if (element === null || tests === null) return null;
  return (input) => {
    if (!Array.isArray(input)) return UNSURE;
    for (const test of tests) if (!test(input)) return UNSURE;
    const out: unknown[] = new Array(input.length);
    for (let i = 0; i < input.length; i++) {
      const v = element(input[i]);
      if (v === UNSURE) return UNSURE;
      out[i] = v;
    }
    return out;
  };
}

function compileObject(def: Def): Check | null {
  // Only strict objects: unknown keys are zod's to report.
  if (def.catchall?._zod.def.type !== 'never' || def.shape === undefined) return null;
  const keys = Object.keys(def.shape);
  const fields: { key: string; check: Check; optional: boolean; inherited: boolean }[] = [];
  for (const key of keys) {
    const schema = def.shape[key] as ZodLike;
    const optional = schema._zod.def.type === 'optional';
    const check = compile(optional ? (schema._zod.def.innerType as ZodLike) : schema);
    if (check === null) return null;
    // A key such as `toString` would read Object.prototype's member when absent: ask hasOwn for it.
    fields.push({ key, check, optional, inherited: key in Object.prototype });
  }
  return (input) => {
    if (typeof input !== 'object' || input === null) return UNSURE;
    const proto = Object.getPrototypeOf(input) as unknown;
    if (proto !== Object.prototype && proto !== null) return UNSURE;
    const record = input as Record<string, unknown>;
    // Zod's output lists the shape's keys in the shape's order; so does this.
    const out: Record<string, unknown> = {};
    let present = 0;
    for (let i = 0; i < fields.length; i++) {
      const { key, check, optional, inherited } = fields[i] as (typeof fields)[number];
      const raw = inherited && !hasOwn(record, key) ? undefined : record[key];
      if (raw === undefined) {
        // Absent and optional: left out, as zod does. Present as undefined: zod's to judge.
        if (optional && !(key in record)) continue;
        return UNSURE;
      }
      const value = check(raw);
      if (value === UNSURE) return UNSURE;
      out[key] = value;
      present++;
    }
    // Any other own key is unknown to a strict object: zod reports it.
    return Object.keys(record).length === present ? out : UNSURE;
  };
}

function compileUnion(def: Def): Check | null {
  const discriminator = def.discriminator;
  if (discriminator === undefined || def.options === undefined) return null;
  const byTag = new Map<unknown, Check>();
  for (const option of def.options) {
    const tagSchema = option._zod.def.shape?.[discriminator]?._zod.def;
    const check = compile(option);
    if (tagSchema?.type !== 'literal' || tagSchema.values === undefined || check === null) return null;
    for (const tag of tagSchema.values) byTag.set(tag, check);
  }
  return (input) => {
    if (typeof input !== 'object' || input === null) return UNSURE;
    const check = byTag.get((input as Record<string, unknown>)[discriminator]);
    return check === undefined ? UNSURE : check(input);
  };
}

function compile(schema: ZodLike): Check | null {
  const def = schema._zod.def;
  // Refinements and other checks are understood only where modelled (strings, numbers, arrays).
  if (def.type !== 'string' && def.type !== 'number' && def.type !== 'array' && (def.checks?.length ?? 0) > 0) return null;
  switch (def.type) {
    case 'string':
      return compileString(def);
    case 'number':
      return compileNumber(def);
    case 'boolean':
      return def.coerce ? null : (input) => (typeof input === 'boolean' ? input : UNSURE);
    case 'literal': {
      const values = new Set(def.values ?? []);
      return (input) => (values.has(input) && input !== undefined ? input : UNSURE);
    }
    case 'enum': {
      const entries = Object.values(def.entries ?? {});
      if (entries.some((v) => typeof v !== 'string')) return null;
      const values = new Set(entries);
      return (input) => (values.has(input) ? input : UNSURE);
    }
    case 'nullable': {
      const inner = def.innerType === undefined ? null : compile(def.innerType);
      return inner === null ? null : (input) => (input === null ? null : inner(input));
    }
    case 'array':
      return compileArray(def);
    case 'object':
      return compileObject(def);
    case 'union':
      return compileUnion(def);
    default:
      return null;
  }
}

/**
 * Compiles the fast path of a zod schema: a function that returns what `schema.parse(input)` would
 * return when the input is certainly valid, and `undefined` when zod must decide (the input may be
 * invalid, or uses something the fast path does not model). `null` when the schema itself is beyond
 * the fast path.
 *
 * @example
 * ```ts
 * const fast = fastParser(commandSchema());
 * const parsed = fast?.(input) ?? commandSchema().parse(input);
 * ```
 */
export function fastParser<T>(schema: { readonly _zod: unknown }): ((input: unknown) => T | undefined) | null {
  const check = compile(schema as ZodLike);
  if (check === null) return null;
  return (input) => {
    const value = check(input);
    return value === UNSURE ? undefined : (value as T);
  };
}
