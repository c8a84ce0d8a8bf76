import { describe, expect, it } from 'vitest';
import { readNdjson, validateRecord, validateRecords } from '../../src/validate/index.js';

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function* chunks(...parts: (Uint8Array | string)[]): AsyncGenerator<Uint8Array | string> {
  for (const p of parts) yield p;
}

describe('hostile input never crashes the validator', () => {
  it('anything at all gives issues, not a throw', () => {
    for (const input of [undefined, null, 0, 'text', true, [], {}, { format: 'intervention-lifecycle/case', schemaVersion: 1, events: [null, 1, 'x'] }, { events: { length: 1e9 } }]) {
      const r = validateRecord(input);
      expect(r.valid).toBe(false);
      expect(r.issues.length).toBeGreaterThan(0);
    }
  });

  it('a throwing getter or a proxy never makes it throw', () => {
    const bomb = () => {
      throw new Error('boom');
    };
    const getter = Object.defineProperty({ format: 'intervention-lifecycle/case', schemaVersion: 1 }, 'events', { get: bomb, enumerable: true });
    const proxy = new Proxy({}, { get: bomb, has: bomb, ownKeys: bomb, getOwnPropertyDescriptor: bomb, getPrototypeOf: bomb });
    const evil = new Proxy({}, { get: () => { throw proxy; } });
    const eventGetter = { format: 'intervention-lifecycle/case', schemaVersion: 1, events: [Object.defineProperty({}, 'type', { get: bomb, enumerable: true })] };
    for (const input of [getter, proxy, evil, eventGetter, { format: 'intervention-lifecycle/case', schemaVersion: 1, events: proxy }]) {
      let r: ReturnType<typeof validateRecord> | undefined;
      expect(() => (r = validateRecord(input))).not.toThrow();
      expect(r?.valid).toBe(false);
      expect(r?.issues.length).toBeGreaterThan(0);
    }
  });

  it('does not pollute prototypes through __proto__ or constructor keys', () => {
    const record = JSON.parse('{"format":"intervention-lifecycle/case","schemaVersion":1,"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"events":[{"__proto__":{"x":1}}]}') as unknown;
    const r = validateRecord(record);
    expect(r.valid).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses numbers as strings and huge event counts', () => {
    const r = validateRecord({ format: 'intervention-lifecycle/case', schemaVersion: '1', events: [] });
    expect(r.issues.map((i) => i.path)).toContain('/schemaVersion');
    const many = validateRecord({ format: 'intervention-lifecycle/case', schemaVersion: 1, events: new Array(200_001).fill(0) }, { maxEvents: 200_000 });
    expect(many.issues).toEqual([expect.objectContaining({ code: 'TOO_LARGE' })]);
  });

  it('names a FHIR resource given in a record\'s place, and what reads it', () => {
    const r = validateRecord({ resourceType: 'Bundle', type: 'collection', entry: [] });
    expect(r.issues.find((i) => i.code === 'INVALID_FORMAT')?.message).toBe('format must be "intervention-lifecycle/case", not absent (this is a FHIR Bundle: fromFhir, or the CLI\'s fhir import, reads it)');
    expect(validateRecord({ format: 'x' }).issues.find((i) => i.code === 'INVALID_FORMAT')?.message).toBe('format must be "intervention-lifecycle/case", not "x"');
  });

  it('survives deeply nested snapshots', () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const r = validateRecord({ format: 'intervention-lifecycle/case', schemaVersion: 1, events: [], snapshot: deep });
    expect(r.valid).toBe(false);
  });

  it('caps the number of issues listed', () => {
    const r = validateRecord({ format: 'x', schemaVersion: 1, events: Array.from({ length: 500 }, () => ({ type: 'nope' })) }, { maxIssues: 10 });
    expect(r.issues).toHaveLength(11);
    expect(r.issues.at(-1)?.code).toBe('TOO_MANY_ISSUES');
  });
});

describe('readNdjson', () => {
  it('reads lines across chunk boundaries, skips blanks, reports broken lines and goes on', async () => {
    const lines = await collect(readNdjson(chunks('{"a":', '1}\n\n{broken}\n', '[2]\r\n', '{"b":3}')));
    expect(lines).toEqual([
      { line: 1, ok: true, value: { a: 1 } },
      { line: 3, ok: false, code: 'INVALID_JSON', message: expect.stringContaining('line 3 is not valid JSON') },
      { line: 4, ok: true, value: [2] },
      { line: 5, ok: true, value: { b: 3 } },
    ]);
  });

  it('reports invalid UTF-8 with its line', async () => {
    const lines = await collect(readNdjson(chunks(new Uint8Array([0x7b, 0x7d, 0x0a, 0xff, 0xfe, 0x0a, 0x31]))));
    expect(lines.map((l) => (l.ok ? 'ok' : l.code))).toEqual(['ok', 'INVALID_UTF8', 'ok']);
  });

  it('skips a line over the limit without holding it, and reads on', async () => {
    const big = 'x'.repeat(1024 * 1024);
    async function* many() {
      yield '{"first":true}\n"';
      for (let i = 0; i < 50; i++) yield big; // a 50 MB line
      yield '"\n{"last":true}\n';
    }
    const lines = await collect(readNdjson(many(), { maxLineBytes: 4 * 1024 * 1024 }));
    expect(lines.map((l) => (l.ok ? JSON.stringify(l.value) : l.code))).toEqual(['{"first":true}', 'TOO_LARGE', '{"last":true}']);
  });
});

describe('validateRecords', () => {
  it('refuses text and non-iterables with a clear error (a string was checked a character at a time)', async () => {
    const first = (input: unknown) => validateRecords(input as never).next();
    await expect(first('{"format":"intervention-lifecycle/case"}')).rejects.toThrow(/takes records \(parsed\), not text/);
    await expect(first(null)).rejects.toThrow(/not null/);
    await expect(first(5)).rejects.toThrow(/an array, an iterable or an async iterable of records, not number/);
  });
});
