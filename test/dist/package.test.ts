import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The package is imported by its name, through the exports map of the built dist/.
const name = 'intervention-lifecycle';
const require = createRequire(import.meta.url);

interface Api {
  defineMachine: (m: unknown) => unknown;
  step: (m: unknown, s: unknown, c: unknown, x: unknown) => { ok: boolean; value?: unknown; error?: { code: string } };
  toMermaid: (m: unknown) => string;
  LifecycleError: new (code: string, message: string) => Error;
}

const machine = {
  id: 'door',
  states: ['open', 'closed'],
  final: [],
  transitions: { close: { from: ['open'], to: 'closed' } },
};

function exercise(api: Api): void {
  const m = api.defineMachine(machine);
  expect(api.step(m, 'open', { type: 'close' }, undefined)).toEqual({ ok: true, value: 'closed' });
  expect(api.step(m, 'closed', { type: 'close' }, undefined).error?.code).toBe('INVALID_TRANSITION');
  expect(api.toMermaid(m)).toContain('open --> closed : close');
  expect(new api.LifecycleError('CONFLICT', 'x')).toBeInstanceOf(Error);
}

describe.runIf(existsSync('dist/index.js'))('the built package', () => {
  it('loads as ESM through the exports map', async () => {
    exercise((await import(name)) as Api);
  });

  it('loads as CommonJS through the exports map', () => {
    exercise(require(name) as Api);
  });

  it('runs its bin', () => {
    const out = execFileSync(process.execPath, ['dist/cli/main.js', '--version'], { encoding: 'utf8' });
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe.runIf(existsSync('dist/measures/index.js'))('the built ./measures entry', () => {
  interface Measures {
    scoreInstrument: (id: string, r: number[]) => { total: number | null };
    gasTScore: (levels: number[]) => number;
  }
  it('loads as ESM and CommonJS through the exports map', async () => {
    const esm = (await import(`${name}/measures`)) as Measures;
    const cjs = require(`${name}/measures`) as Measures;
    for (const m of [esm, cjs]) {
      expect(m.scoreInstrument('gad7', [1, 1, 1, 1, 1, 1, 1]).total).toBe(7);
      expect(m.gasTScore([1])).toBeCloseTo(60, 12);
    }
  });
});

describe.runIf(existsSync('dist/index.js'))('the built engine', () => {
  interface Engine {
    openCase: (input: unknown, ctx: unknown) => { ok: boolean; state?: { status: string; version: number }; error?: { code: string } };
    dispatch: (s: unknown, c: unknown, ctx: unknown) => { ok: boolean; error?: { code: string } };
  }
  const input = { clientId: 'client-1', referral: { source: 'GP', reason: 'Low mood', urgency: 'routine', receivedAt: '2026-01-02T10:00:00.000Z' }, setting: 'clinic' };
  const ctx = { actor: { id: 'p-1', role: 'lead-practitioner' }, now: () => '2026-01-05T10:00:00.000Z', newId: () => 'c-1' };
  it('opens and refuses through ESM and CommonJS alike', async () => {
    for (const engine of [(await import(name)) as Engine, require(name) as Engine]) {
      const r = engine.openCase(input, ctx);
      expect(r.state).toMatchObject({ status: 'referred', version: 1 });
      expect(engine.dispatch(r.state, { type: 'activatePlan' }, ctx).error?.code).toBe('INVALID_TRANSITION');
    }
  });
});

describe.runIf(existsSync('dist/validate/index.js'))('the built ./validate entry and schema', () => {
  interface Validate {
    validateRecord: (r: unknown) => { valid: boolean; issues: unknown[] };
  }
  it('loads as ESM and CommonJS, and ships the JSON Schema', async () => {
    for (const v of [(await import(`${name}/validate`)) as Validate, require(`${name}/validate`) as Validate]) {
      expect(v.validateRecord({}).valid).toBe(false);
    }
    const schema = require(`${name}/schema/case-record.schema.json`) as { $schema: string };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });
});

describe.runIf(existsSync('dist/simulate/index.js'))('the built ./simulate entry, its schema and example scenario', () => {
  interface Simulate {
    parseScenario: (s: unknown) => { ok: boolean; scenario?: unknown };
    simulateCohort: (s: unknown, o: { seed: number; clients: number }) => Iterable<{ events: unknown[]; state: { status: string } }>;
  }
  it('loads as ESM and CommonJS, simulates the shipped example, and ships the scenario JSON Schema', async () => {
    const example = require(`${name}/scenarios/stepped-care.json`) as unknown;
    const lines: string[] = [];
    for (const sim of [(await import(`${name}/simulate`)) as Simulate, require(`${name}/simulate`) as Simulate]) {
      const parsed = sim.parseScenario(example);
      expect(parsed.ok).toBe(true);
      lines.push(JSON.stringify([...sim.simulateCohort(parsed.scenario, { seed: 5, clients: 3 })].map((c) => c.events)));
    }
    expect(lines[0]).toBe(lines[1]);
    const schema = require(`${name}/schema/scenario.schema.json`) as { title: string };
    expect(schema.title).toBe('intervention-lifecycle scenario');
  });
});

describe.runIf(existsSync('dist/types/index.d.ts'))('the published declarations', () => {
  it('are one file per source file, named as the source is, with no hashed chunks or aliased names', () => {
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
    const declarations = walk('dist/types').filter((f) => f.endsWith('.d.ts'));
    for (const f of declarations) expect(existsSync(f.replace(/^dist\/types\//, 'src/').replace(/\.d\.ts$/, '.ts')), f).toBe(true);
    for (const f of declarations) expect(existsSync(f.replace(/\.d\.ts$/, '.d.cts')), `${f} has its .d.cts twin`).toBe(true);
    expect(readdirSync('dist').filter((f) => /\.d\.c?ts$/.test(f))).toEqual([]);
    const root = readFileSync('dist/types/index.d.ts', 'utf8');
    expect(root).toContain("export { openCase, dispatch, dispatchOrThrow, evolve, replay, type DispatchResult } from './engine/dispatch.js';");
    expect(root).not.toMatch(/\bas [a-z][A-Za-z0-9]?\b/);
  });
});

describe.runIf(existsSync('dist/fhir/index.js'))('the built ./fhir entry', () => {
  interface Fhir {
    toFhirBundle: (r: unknown) => { entry: { resource: { resourceType: string } }[] };
    fromFhir: (b: unknown) => { record?: unknown; measurements: unknown[]; issues: unknown[] };
  }
  it('loads as ESM and CommonJS; export then import gives the measurements back', async () => {
    const record = JSON.parse(readFileSync('test/fixtures/records/valid-without-snapshot.json', 'utf8')) as unknown;
    const out: string[] = [];
    for (const fhir of [(await import(`${name}/fhir`)) as Fhir, require(`${name}/fhir`) as Fhir]) {
      const bundle = fhir.toFhirBundle(record);
      expect(bundle.entry[0]?.resource.resourceType).toBe('EpisodeOfCare');
      const back = fhir.fromFhir(bundle);
      expect(back.record).toBeDefined();
      out.push(JSON.stringify(bundle));
    }
    expect(out[0]).toBe(out[1]);
  });
});

describe.runIf(existsSync('dist/programme/index.js'))('the built ./programme entry', () => {
  it('loads as ESM and CommonJS and validates a programme record', async () => {
    const { programmeFixture } = await import('../programme/fixture-files.js');
    const { programme, cases } = programmeFixture();
    type P = { validateProgrammeRecord: (r: unknown, o: { cases: unknown[] }) => { valid: boolean; issues: unknown[] } };
    for (const p of [(await import(`${name}/programme`)) as P, require(`${name}/programme`) as P]) {
      expect(p.validateProgrammeRecord(programme, { cases }).issues).toEqual([]);
    }
    expect((require(`${name}/schema/programme-record.schema.json`) as { title: string }).title).toBe('intervention-lifecycle programme record');
  });
});

describe.runIf(existsSync('dist/index.js'))('one instrument registry for every entry point', () => {
  interface Both {
    registerInstrument: (i: unknown) => unknown;
    unregisterInstrument: (id: string) => unknown;
    dispatch: (s: unknown, c: unknown, ctx: unknown) => { ok: boolean; state?: unknown; error?: { code: string; message: string } };
  }
  const instrument = (id: string) => ({
    id,
    name: 'Sleep diary score',
    items: [[0, 1, 2, 3], [0, 1, 2, 3]],
    range: { min: 0, max: 6 },
    betterIs: 'lower',
    bands: [{ min: 0, max: 2, label: 'good' }, { min: 3, max: 6, label: 'poor' }],
    riskItems: [],
    missing: { rule: 'none', maxMissing: 0 },
  });
  const ctx = { actor: { id: 'p-1', role: 'lead-practitioner' }, now: () => '2026-01-05T10:00:00.000Z', newId: () => 'c-1' };
  const open = { type: 'openCase', clientId: 'client-1', referral: { source: 'GP', reason: 'Poor sleep', urgency: 'routine', receivedAt: '2026-01-02T10:00:00.000Z' }, setting: 'clinic' };

  it('an instrument registered through /measures is known to the engine, under ESM and under CommonJS', async () => {
    const esm = { ...((await import(`${name}/measures`)) as object), ...((await import(name)) as object) } as Both;
    const cjs = { ...(require(`${name}/measures`) as object), ...(require(name) as object) } as Both;
    for (const [system, api] of [['esm', esm], ['cjs', cjs]] as const) {
      const id = `sleep-${system}`;
      api.registerInstrument(instrument(id));
      try {
        let r = api.dispatch(null, open, ctx);
        r = api.dispatch(r.state, { type: 'startAssessment', methods: ['standardized-instrument'] }, { ...ctx, newId: () => 'a-1' });
        const measured = api.dispatch(r.state, { type: 'recordMeasurement', instrumentId: id, responses: [1, 2], source: 'client-report' }, { ...ctx, newId: () => 'ms-1' });
        expect(measured.error?.message, system).toBeUndefined();
        expect(measured.ok, system).toBe(true);
      } finally {
        api.unregisterInstrument(id);
      }
    }
  });
});
