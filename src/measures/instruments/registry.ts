import { z } from 'zod';
import { LifecycleError } from '../../kernel/errors.js';
import { builtInInstruments } from './catalogue.js';
import type { Instrument } from './types.js';

// Built on first use: nothing runs at import time, so an unused registry tree-shakes away.
let builtIns: Map<string, Instrument> | undefined;
const custom = new Map<string, Instrument>();

function builtInMap(): Map<string, Instrument> {
  builtIns ??= new Map(builtInInstruments().map((i) => [i.id, i]));
  return builtIns;
}

/**
 * An instrument by id, built-in or registered.
 *
 * @example
 * ```ts
 * getInstrument('phq9')?.caseness; // 10
 * getInstrument('nope'); // undefined
 * ```
 */
export function getInstrument(id: string): Instrument | undefined {
  return builtInMap().get(id) ?? custom.get(id);
}

/**
 * Every instrument: the built-in ones first, then those registered, in registration order.
 *
 * @example
 * ```ts
 * listInstruments().map((i) => i.id); // ['phq9', 'phq2', 'gad7', 'gad2', 'k10', 'audit', 'pcl5', 'wsas']
 * ```
 */
export function listInstruments(): Instrument[] {
  return [...builtInMap().values(), ...custom.values()];
}

let schema: z.ZodType<Instrument> | undefined;

function instrumentSchema(): z.ZodType<Instrument> {
  const ref = z.object({ source: z.string().min(1) });
  schema ??= z
    .object({
      id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
      name: z.string().min(1),
      items: z.array(z.array(z.number().int()).min(2)).min(1).max(500),
      range: z.object({ min: z.number().int(), max: z.number().int() }),
      responseLabels: z.array(z.string().min(1)).optional(),
      betterIs: z.enum(['lower', 'higher']),
      bands: z.array(z.object({ min: z.number().int(), max: z.number().int(), label: z.string().min(1) })).min(1),
      caseness: z.number().int().optional(),
      riskItems: z.array(
        z.object({ item: z.number().int().min(1), above: z.number(), code: z.string().min(1), message: z.string().min(1) }),
      ),
      missing: z.object({ rule: z.enum(['prorate', 'none']), maxMissing: z.number().int().min(0) }),
      loinc: z
        .object({ total: z.string().optional(), form: z.string().optional(), items: z.record(z.string(), z.string()).optional(), answers: z.array(z.string()).optional() })
        .optional(),
      reliability: z.object({ value: z.number().gt(0).lt(1) }).extend(ref.shape).optional(),
      norms: z.array(z.object({ population: z.string(), mean: z.number(), sd: z.number().positive() }).extend(ref.shape)).optional(),
      notes: z.string().optional(),
    })
    .strict()
    .superRefine((d, ctx) => {
      const min = d.items.reduce((s, values) => s + Math.min(...values), 0);
      const max = d.items.reduce((s, values) => s + Math.max(...values), 0);
      if (d.range.min !== min || d.range.max !== max) {
        ctx.addIssue({ code: 'custom', path: ['range'], message: `range must be ${min}–${max}, the sums of the item minima and maxima` });
      }
      d.items.forEach((values, i) => {
        if (new Set(values).size !== values.length) ctx.addIssue({ code: 'custom', path: ['items', i], message: 'responses must be distinct' });
        if (d.responseLabels !== undefined && d.responseLabels.length !== values.length) {
          ctx.addIssue({ code: 'custom', path: ['responseLabels'], message: `item ${i + 1} has ${values.length} responses but there are ${d.responseLabels.length} labels` });
        }
      });
      let expected = d.range.min;
      d.bands.forEach((band, i) => {
        if (band.min !== expected || band.max < band.min) {
          ctx.addIssue({ code: 'custom', path: ['bands', i], message: `bands must cover the range without gaps or overlaps: this one should start at ${expected}` });
        }
        expected = band.max + 1;
      });
      if (expected !== d.range.max + 1) ctx.addIssue({ code: 'custom', path: ['bands'], message: `the last band must end at ${d.range.max}` });
      if (d.caseness !== undefined && (d.caseness < d.range.min || d.caseness > d.range.max)) {
        ctx.addIssue({ code: 'custom', path: ['caseness'], message: 'caseness must lie inside the range' });
      }
      d.riskItems.forEach((r, i) => {
        if (r.item > d.items.length) ctx.addIssue({ code: 'custom', path: ['riskItems', i, 'item'], message: `there are only ${d.items.length} items` });
      });
      if (d.missing.maxMissing >= d.items.length) {
        ctx.addIssue({ code: 'custom', path: ['missing', 'maxMissing'], message: 'at least one item must be answered' });
      }
    }) as unknown as z.ZodType<Instrument>;
  return schema;
}

/**
 * Registers an app's own instrument after checking it: items and their allowed responses, a range
 * equal to the sums of the item minima and maxima, bands that cover the range without gaps or
 * overlaps, thresholds inside the range. Registered instruments score like built-in ones.
 *
 * @throws {LifecycleError} `INVALID_INPUT` with every finding, or when the id is taken.
 * @example
 * ```ts
 * registerInstrument({
 *   id: 'sleep-diary-3', name: 'Three-item sleep check', betterIs: 'lower',
 *   items: [[0, 1, 2], [0, 1, 2], [0, 1, 2]], range: { min: 0, max: 6 },
 *   bands: [{ min: 0, max: 2, label: 'good' }, { min: 3, max: 6, label: 'poor' }],
 *   riskItems: [], missing: { rule: 'none', maxMissing: 0 },
 * });
 * ```
 */
export function registerInstrument(definition: Instrument): Instrument {
  const parsed = instrumentSchema().safeParse(definition);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.filter((p) => typeof p !== 'symbol'), code: i.code, message: i.message }));
    throw new LifecycleError('INVALID_INPUT', `Instrument definition refused: ${issues[0]?.message ?? ''} at ${issues[0]?.path.join('.') ?? ''}`, { issues });
  }
  const instrument = parsed.data;
  if (getInstrument(instrument.id) !== undefined) {
    throw new LifecycleError('INVALID_INPUT', `An instrument with id ${instrument.id} is already registered`, {
      issues: [{ path: ['id'], code: 'duplicate', message: `id ${instrument.id} is taken` }],
    });
  }
  custom.set(instrument.id, instrument);
  return instrument;
}

/**
 * Removes a registered instrument (built-in ones stay). Returns whether one was removed.
 *
 * @example
 * ```ts
 * unregisterInstrument('sleep-diary-3'); // true
 * ```
 */
export function unregisterInstrument(id: string): boolean {
  return custom.delete(id);
}
