/**
 * A fast path for zod schemas on the hot path of `dispatch`. Zod stays the one source of the rules:
 * this module reads a schema's own definition (its shape, enum values, literal values, length
 * limits, bounds and the very RegExp objects it tests with) and compiles straight-line JavaScript
 * that answers "certainly valid, and here is exactly what zod would return" or "not sure: ask zod".
 * It knows a small set of schema kinds — strict objects, strings with patterns, lengths and
 * trimming, enums, literals, finite and safe-integer numbers, booleans, arrays, optional, nullable
 * and discriminated unions — and declines anything else, so a schema it does not understand costs
 * only the zod parse. A property test holds it to agreeing with zod.
 *
 * The checker is generated code (as zod's own fast path is): closures over the same checks measured
 * seven times slower. Where `new Function` is forbidden (a strict Content-Security-Policy) there is
 * no fast path and zod parses everything.
 */

/** The parts of a zod 4 schema this module reads (zod's `_zod.def`, documented for library authors). */
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

/** What generated code returns when it is not certain; zod decides then. */
const UNSURE: unique symbol = Symbol('unsure');
const SURROGATE = /[\uD800-\uDFFF]/;

/** Generates the source of one checker function per object, array and union schema. */
class Generator {
  /** Constants the generated code refers to as K[i]: patterns, sets, overwrite functions. */
  readonly constants: unknown[] = [];
  readonly functions: string[] = [];
  private readonly names = new Map<ZodLike, string>();

  constant(value: unknown): string {
    this.constants.push(value);
    return `K[${this.constants.length - 1}]`;
  }

  /**
   * Code that checks the value in variable `v` and leaves what zod would return in `o`, or returns
   * U from the enclosing function; null when the schema is beyond the fast path.
   */
  value(schema: ZodLike): string | null {
    const def = schema._zod.def;
    // Refinements and other checks are understood only where modelled (strings, numbers, arrays).
    if (def.type !== 'string' && def.type !== 'number' && def.type !== 'array' && (def.checks?.length ?? 0) > 0) return null;
    switch (def.type) {
      case 'string':
        return this.string(def);
      case 'number':
        return this.number(def);
      case 'boolean':
        return def.coerce ? null : `if (typeof v !== 'boolean') return U; o = v;`;
      case 'literal': {
        const values = def.values ?? [];
        if (values.length === 0 || values.includes(undefined)) return null;
        return `if (!${this.constant(new Set(values))}.has(v)) return U; o = v;`;
      }
      case 'enum': {
        const entries = Object.values(def.entries ?? {});
        if (entries.length === 0 || entries.some((e) => typeof e !== 'string')) return null;
        return `if (!${this.constant(new Set(entries))}.has(v)) return U; o = v;`;
      }
      case 'nullable': {
        const inner = def.innerType === undefined ? null : this.value(def.innerType);
        return inner === null ? null : `if (v === null) o = null; else { ${inner} }`;
      }
      case 'array':
      case 'object':
      case 'union': {
        const name = this.function(schema);
        return name === null ? null : `o = ${name}(v); if (o === U) return U;`;
      }
      default:
        return null;
    }
  }

  private lengths(def: Def, kind: 'string' | 'array'): string | null {
    let code = '';
    for (const c of def.checks ?? []) {
      const d = c._zod.def;
      if (d.check === 'min_length' && typeof d.minimum === 'number') {
        // Zod counts a string in code points: certain when there are twice the units, or no surrogates.
        code += kind === 'string' ? `if (!(v.length >= ${2 * d.minimum} || (v.length >= ${d.minimum} && !S.test(v)))) return U;` : `if (v.length < ${d.minimum}) return U;`;
      } else if (d.check === 'max_length' && typeof d.maximum === 'number') {
        // What fits in UTF-16 units fits in code points.
        code += `if (v.length > ${d.maximum}) return U;`;
      } else if (kind === 'string' && d.check === 'string_format' && d.pattern instanceof RegExp) {
        const re = this.constant(d.pattern);
        code += `${re}.lastIndex = 0; if (!${re}.test(v)) return U;`;
      } else if (kind === 'string' && d.check === 'overwrite' && typeof d.tx === 'function') {
        // Only values the overwrite leaves as they are (a trimmed string), so later checks see zod's value.
        code += `if (${this.constant(d.tx)}(v) !== v) return U;`;
      } else {
        return null;
      }
    }
    return code;
  }

  private string(def: Def): string | null {
    if (def.coerce) return null;
    let code = `if (typeof v !== 'string') return U;`;
    if (def.format !== undefined) {
      // A string format (an ISO date or instant): the schema tests its own pattern.
      if (!(def.pattern instanceof RegExp)) return null;
      const re = this.constant(def.pattern);
      code += `${re}.lastIndex = 0; if (!${re}.test(v)) return U;`;
    }
    const lengths = this.lengths(def, 'string');
    return lengths === null ? null : `${code}${lengths} o = v;`;
  }

  private number(def: Def): string | null {
    if (def.coerce) return null;
    let code = `if (typeof v !== 'number' || !Number.isFinite(v)) return U;`;
    for (const c of def.checks ?? []) {
      const d = c._zod.def;
      if (d.check === 'number_format' && d.format === 'safeint') code += `if (!Number.isSafeInteger(v)) return U;`;
      else if (d.check === 'greater_than' && typeof d.value === 'number') code += `if (!(v ${d.inclusive ? '>=' : '>'} ${d.value})) return U;`;
      else if (d.check === 'less_than' && typeof d.value === 'number') code += `if (!(v ${d.inclusive ? '<=' : '<'} ${d.value})) return U;`;
      else return null;
    }
    return `${code} o = v;`;
  }

  /** The name of the generated function for an object, array or union schema, or null. */
  private function(schema: ZodLike): string | null {
    const known = this.names.get(schema);
    if (known !== undefined) return known;
    const name = `f${this.names.size}`;
    this.names.set(schema, name);
    const def = schema._zod.def;
    const body = def.type === 'object' ? this.objectBody(def) : def.type === 'array' ? this.arrayBody(def) : this.unionBody(def);
    if (body === null) return null;
    this.functions.push(`function ${name}(input) { let v, o; ${body} }`);
    return name;
  }

  private objectBody(def: Def): string | null {
    // Only strict objects: unknown keys are zod's to report.
    if (def.catchall?._zod.def.type !== 'never' || def.shape === undefined) return null;
    let code = `if (typeof input !== 'object' || input === null) return U; const proto = Object.getPrototypeOf(input); if (proto !== OP && proto !== null) return U; const out = {}; let n = 0;`;
    for (const [key, field] of Object.entries(def.shape)) {
      // `out["__proto__"] = …` would set the prototype rather than a field: leave such shapes to zod.
      if (key === '__proto__') return null;
      const optional = field._zod.def.type === 'optional';
      const check = this.value(optional ? (field._zod.def.innerType as ZodLike) : field);
      if (check === null) return null;
      const k = JSON.stringify(key);
      // A key such as "toString" would read Object.prototype's member when absent.
      const read = key in Object.prototype ? `v = HAS.call(input, ${k}) ? input[${k}] : undefined;` : `v = input[${k}];`;
      // Absent and optional: left out, as zod does. Present as undefined: zod's to judge.
      const absent = optional ? `if (${k} in input) return U;` : 'return U;';
      // Zod's output lists the shape's keys in the shape's order; so does this.
      code += `${read} if (v === undefined) { ${absent} } else { ${check} out[${k}] = o; n++; }`;
    }
    // Any other key is unknown to a strict object: zod reports it.
    return `${code} let keys = 0; for (const _ in input) keys++; return keys === n ? out : U;`;
  }

  private arrayBody(def: Def): string | null {
    const element = def.element === undefined ? null : this.value(def.element);
    const lengths = this.lengths(def, 'array');
    if (element === null || lengths === null) return null;
    return `if (!Array.isArray(input)) return U; v = input; ${lengths} const out = []; for (let i = 0; i < input.length; i++) { v = input[i]; ${element} out.push(o); } return out;`;
  }

  private unionBody(def: Def): string | null {
    const discriminator = def.discriminator;
    if (def.type !== 'union' || discriminator === undefined || def.options === undefined) return null;
    const byTag = new Map<unknown, string>();
    for (const option of def.options) {
      const tag = option._zod.def.shape?.[discriminator]?._zod.def;
      const name = this.function(option);
      if (tag?.type !== 'literal' || tag.values === undefined || name === null) return null;
      for (const value of tag.values) byTag.set(value, name);
    }
    const cases = [...byTag].map(([tag, name]) => `case ${JSON.stringify(tag)}: return ${name}(input);`).join(' ');
    return `if (typeof input !== 'object' || input === null) return U; switch (input[${JSON.stringify(discriminator)}]) { ${cases} default: return U; }`;
  }
}

/** Whether this environment lets code be generated (a Content-Security-Policy may forbid it). */
function canGenerate(): boolean {
  try {
    return new Function('return true')() === true;
  } catch {
    return false;
  }
}

/**
 * Compiles the fast path of a zod schema: a function that returns what `schema.parse(input)` would
 * return when the input is certainly valid, and `undefined` when zod must decide (the input may be
 * invalid, or uses something the fast path does not model). `null` when the schema is beyond the
 * fast path, or the environment forbids generated code.
 *
 * @example
 * ```ts
 * const fast = fastParser(commandSchema());
 * const parsed = fast?.(input) ?? commandSchema().parse(input);
 * ```
 */
export function fastParser<T>(schema: { readonly _zod: unknown }): ((input: unknown) => T | undefined) | null {
  if (!canGenerate()) return null;
  const gen = new Generator();
  const entry = gen.value(schema as ZodLike);
  if (entry === null) return null;
  const source = `"use strict"; ${gen.functions.join('\n')} return function (v) { let o; ${entry} return o; };`;
  const check = new Function('U', 'K', 'S', 'OP', 'HAS', source)(UNSURE, gen.constants, SURROGATE, Object.prototype, Object.prototype.hasOwnProperty) as (input: unknown) => unknown;
  return (input) => {
    const value = check(input);
    return value === UNSURE ? undefined : (value as T);
  };
}
