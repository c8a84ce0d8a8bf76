import { SOURCES, type MeasurementStatus } from '../../case/model/measurement.js';
import { describeTotal, scoreInstrument } from '../../measures/instruments/score.js';
import { getInstrument } from '../../measures/instruments/registry.js';
import { impliedAbove } from '../../measures/instruments/implied.js';
import type { Instrument } from '../../measures/instruments/types.js';
import { OWN, PANEL_CODES, UNSCORED_ITEMS } from '../codes.js';
import { hasValue, inexact, observationValue, responseOf } from './answers.js';
import type { InstrumentIndex } from './instruments.js';
import { IssueLog } from './issues.js';
import type { Found, Resources } from './read.js';
import { codings, instantOf, isObject, loincCodes, objects, str } from './values.js';
import { keyOf } from './keys.js';
import { readResponse, reportUnfinishedRisks } from './questionnaire-response.js';
import { Responses, riskAnswerUnfiled } from './responses.js';
import { notAPatient, type ClientOf } from './subject.js';

/**
 * A measurement read from FHIR: an instrument score (with its item responses where the input had
 * them) or an indicator value, when it was taken, and its status.
 *
 * @example
 * ```ts
 * const m: ImportedMeasurement = { id: 'phq-9-example', instrumentId: 'phq9', indicator: null, responses: [2, 2, 2, 2, 1, 1, 2, 0, 0], score: 12, takenAt: '2022-11-29T20:50:32.718Z', status: 'final', source: 'client-report', clientId: 'example', path: '/entry/0/resource' };
 * ```
 */
export interface ImportedMeasurement {
  readonly id: string;
  readonly instrumentId: string | null;
  readonly indicator: string | null;
  /** Item responses in item order (null where unanswered), or null when only a total was given. */
  readonly responses: readonly (number | null)[] | null;
  /** The total (computed from the responses where there are any), or null when too few items were answered to score. */
  readonly score: number | null;
  readonly takenAt: string;
  readonly status: MeasurementStatus;
  /** Who gave the value, where the Observation says so (our export writes it as its method); else client-report, as the instruments are self-reports. */
  readonly source: (typeof SOURCES)[number];
  /** The client the resource is about (its subject), named as the case's client is (see `personSystem`); null where it names no one. */
  readonly clientId: string | null;
  /** The JSON pointer of the resource it was read from. */
  readonly path: string;
}

type Draft = { -readonly [K in keyof ImportedMeasurement]: ImportedMeasurement[K] };

const OBSERVATION_STATUS: Readonly<Record<string, MeasurementStatus>> = { final: 'final', amended: 'amended', corrected: 'amended', 'entered-in-error': 'entered-in-error' };
const RESPONSE_STATUS: Readonly<Record<string, MeasurementStatus>> = { completed: 'final', amended: 'amended', 'entered-in-error': 'entered-in-error' };

/** Who gave an Observation's value: our method coding where present, else a self-report. */
function sourceOf(o: Record<string, unknown>): (typeof SOURCES)[number] {
  const code = codings(o.method).find((c) => c.system === OWN.measurementSource)?.code;
  return SOURCES.find((s) => s === code) ?? 'client-report';
}

/** Scores responses as the engine would, or says why not. */
function scored(instrument: Instrument, responses: (number | null)[], path: string, log: IssueLog): number | null | undefined {
  try {
    const s = scoreInstrument(instrument.id, responses);
    if (s.complete) return s.total;
    if (s.flags.some((f) => f.response !== null)) {
      log.add(path, 'UNSCORED', `too few items answered to score (${s.reason}); kept without a total because it answers a risk item`, 'warning');
      return null;
    }
    log.add(path, 'UNSCORABLE', `too few items answered to score: ${s.reason}`);
  } catch (e) {
    log.add(path, 'UNSCORABLE', (e as Error).message);
  }
  return undefined;
}

// The fields a component of an Observation takes from it: one form's answers share its time, status and subject.
const INHERITED = ['status', 'subject', 'effectiveDateTime', 'effectiveInstant', 'effectivePeriod', 'issued', 'derivedFrom', 'method', 'id', 'identifier'] as const;

/**
 * The Observations, each followed by its components when they carry an instrument's items or total
 * (a panel, or a total, with the answers as `component`s rather than `hasMember` Observations): each
 * read as an Observation of its own at its parent's time, so item 9 is not lost behind a total.
 */
function withComponents(observations: readonly Found[], index: InstrumentIndex, components: Set<Found>): Found[] {
  const out: Found[] = [];
  for (const f of observations) {
    out.push(f);
    const parts = objects(f.resource.component);
    if (!parts.some((c) => loincCodes(c.code).some((code) => index.byItem(code).length > 0 || index.byTotal(code) !== undefined))) continue;
    parts.forEach((c, i) => {
      const resource: Record<string, unknown> = { resourceType: 'Observation' };
      for (const k of INHERITED) if (f.resource[k] !== undefined) resource[k] = f.resource[k];
      for (const [k, v] of Object.entries(c)) if (k === 'code' || k === 'dataAbsentReason' || k.startsWith('value')) resource[k] = v;
      const part: Found = { resource, type: 'Observation', path: `${f.path}/component/${i}`, fullUrl: undefined, container: f.container };
      components.add(part);
      out.push(part);
    });
  }
  return out;
}

/**
 * Reads QuestionnaireResponses and Observations into measurements (one per form filled in, however
 * many resources carried it), each with the client `clientOf` names.
 */
export function readMeasurements(resources: Resources, index: InstrumentIndex, log: IssueLog, clientOf: ClientOf): ImportedMeasurement[] {
  const out: Draft[] = [];
  const fromResponse = new Map<Found, Draft>();
  const ids = new Set<string>();
  const unique = (id: string): string => {
    let u = id;
    for (let n = 2; ids.has(u); n++) u = `${id}-${n}`;
    ids.add(u);
    return u;
  };

  // A measurement about a Group, a Practitioner or a Device is no client's: said, and left out.
  const aboutNoPatient = (f: Found, quiet: boolean): boolean => {
    const other = notAPatient(f.resource.subject, { resources, from: f });
    if (other !== undefined && !quiet) log.add(`${f.path}/subject`, 'NOT_A_PATIENT', `the ${f.type} is about ${other}, not a patient: not read as a client's measurement`, 'warning');
    return other !== undefined;
  };

  for (const f of resources.ofType('QuestionnaireResponse')) {
    const r = f.resource;
    if (aboutNoPatient(f, false)) continue;
    const status = RESPONSE_STATUS[str(r.status) ?? ''];
    if (status === undefined) {
      log.add(`${f.path}/status`, 'NOT_FINISHED', `a questionnaire response with status ${JSON.stringify(r.status)} is not a measurement`, 'warning');
      // Not filed, but a risk answered in it must not go unseen (its other issues do not matter).
      reportUnfinishedRisks(readResponse(f, resources, index, new IssueLog()), f.path, str(r.status) ?? '', log);
      continue;
    }
    const read = readResponse(f, resources, index, log);
    if (read === undefined) continue;
    const { instrument, responses, reportedTotal } = read;
    const takenAt = instantOf(r.authored, `${f.path}/authored`, log);
    const score = scored(instrument, responses.values, f.path, log);
    if (takenAt === undefined || score === undefined) continue;
    if (reportedTotal !== undefined && score !== null && reportedTotal !== score) {
      log.add(f.path, 'TOTAL_MISMATCH', `the response's own total ${reportedTotal} differs from its items' total ${score}; the items' is kept`, 'warning');
    }
    const m: Draft = { id: unique(keyOf(f, 'QuestionnaireResponse')), instrumentId: instrument.id, indicator: null, responses: responses.values, score, takenAt, status, source: 'client-report', clientId: clientOf(f), path: f.path };
    out.push(m);
    fromResponse.set(f, m);
  }

  // Observations: totals (merged into their questionnaire response's measurement where they derive
  // from one), items (grouped by instrument and time), indicators; panels and the rest are skipped.
  const totals = new Map<string, Draft>();
  const itemGroups = new Map<string, { instrument: Instrument; responses: Responses; f: Found; takenAt: string; status: MeasurementStatus }>();
  const components = new Set<Found>();
  for (const f of withComponents(resources.ofType('Observation'), index, components)) {
    const o = f.resource;
    // A component shares its Observation's subject: said once, for the Observation.
    if (aboutNoPatient(f, components.has(f))) continue;
    const codes = loincCodes(o.code);
    const notFinal = (): void => log.add(`${f.path}/status`, 'NOT_FINAL', `an observation with status ${JSON.stringify(o.status)} is not filed`, 'warning');
    const panel = codes.find((c) => c in PANEL_CODES);
    if (panel !== undefined) {
      // Said once for the form, not once for each of its answers (which are read below).
      if (OBSERVATION_STATUS[str(o.status) ?? ''] === undefined && objects(o.component).length > 0) notFinal();
      if (hasValue(o)) log.add(`${f.path}/code`, 'TOTAL_ON_PANEL', `a value placed on the ${PANEL_CODES[panel] ?? panel} code ${panel}, which carries no score: not filed (a total belongs on the total score code)`, 'warning');
      continue;
    }
    if (codes.some((c) => c in UNSCORED_ITEMS)) continue;
    const status = OBSERVATION_STATUS[str(o.status) ?? ''];
    if (status === undefined) {
      if (!components.has(f)) notFinal();
      // Not filed, but a risk item answered in it must not go unseen.
      for (const { instrument, item } of codes.flatMap((c) => index.byItem(c))) {
        const risk = instrument.riskItems.find((x) => x.item === item);
        const v = risk === undefined ? undefined : responseOf(instrument, item, o, f.path, new IssueLog());
        if (risk !== undefined && v !== undefined) riskAnswerUnfiled(log, f.path, instrument, risk, v, str(o.status) ?? '', 'observation');
      }
      continue;
    }
    // When it was taken: effective[x] (a period by its start, or its end where only that is given);
    // else `issued` (when it was released), said as such.
    const takenAtOf = (): string | undefined => {
      const period = isObject(o.effectivePeriod) ? o.effectivePeriod : undefined;
      const [value, field] =
        o.effectiveDateTime !== undefined
          ? [o.effectiveDateTime, 'effectiveDateTime']
          : o.effectiveInstant !== undefined
            ? [o.effectiveInstant, 'effectiveInstant']
            : period?.start !== undefined
              ? [period.start, 'effectivePeriod/start']
              : period?.end !== undefined
                ? [period.end, 'effectivePeriod/end']
                : [o.issued, 'issued'];
      if (field === 'issued' && value !== undefined) log.add(`${f.path}/issued`, 'ISSUED_AS_TAKEN', 'no effective time: dated by issued, when the result was released, which may be later than when it was taken', 'warning');
      return instantOf(value, `${f.path}/${value === undefined ? 'effectiveDateTime' : field}`, log);
    };
    const source = objects(o.derivedFrom).map((d) => resources.resolve(d, f)).find((d) => d !== undefined && fromResponse.has(d));
    const fromQr = source === undefined ? undefined : fromResponse.get(source);
    const total = codes.map((c) => index.byTotal(c)).find((i) => i !== undefined) ?? index.byOwn(o.code);
    if (total !== undefined) {
      const value = observationValue(o);
      if (fromQr !== undefined && fromQr.instrumentId === total.id) {
        if (value !== undefined && fromQr.score !== null && value !== fromQr.score && !inexact(o, f.path, '')) log.add(f.path, 'TOTAL_MISMATCH', `the total ${value} differs from its questionnaire response's items' total ${fromQr.score}; the items' is kept`, 'warning');
        fromQr.status = status;
        fromQr.source = sourceOf(o);
        continue;
      }
      if (inexact(o, f.path, `a ${total.name} total`, log)) continue;
      const takenAt = takenAtOf();
      if (takenAt === undefined) continue;
      if (value === undefined) {
        const absent = codings(o.dataAbsentReason)[0]?.code ?? (isObject(o.dataAbsentReason) ? str(o.dataAbsentReason.text) : undefined);
        if (o.dataAbsentReason === undefined) log.add(f.path, 'NO_VALUE', `a ${total.name} total without a value`);
        else log.add(f.path, 'NO_VALUE', `a ${total.name} total marked absent${absent === undefined ? '' : ` (${absent})`}: nothing to file`, 'info');
        continue;
      }
      try {
        describeTotal(total.id, value);
      } catch (e) {
        log.add(f.path, 'OUT_OF_RANGE', (e as Error).message);
        continue;
      }
      const m: Draft = { id: unique(keyOf(f, 'Observation')), instrumentId: total.id, indicator: null, responses: null, score: value, takenAt, status, source: sourceOf(o), clientId: clientOf(f), path: f.path };
      out.push(m);
      totals.set(`${total.id}|${takenAt}`, m);
      continue;
    }
    const items = codes.flatMap((c) => index.byItem(c));
    if (items.length > 0) {
      if (fromQr !== undefined) continue; // its questionnaire response already gave the answer
      const takenAt = takenAtOf();
      if (takenAt === undefined) continue;
      // An item code several instruments share (the PHQ-2's are the PHQ-9's first two) counts for the larger.
      const { instrument, item } = [...items].sort((a, b) => b.instrument.items.length - a.instrument.items.length)[0] as (typeof items)[number];
      const v = responseOf(instrument, item, o, f.path, log);
      if (v === undefined) continue;
      const key = `${instrument.id}|${takenAt}`;
      const group = itemGroups.get(key) ?? { instrument, responses: new Responses(instrument, log), f, takenAt, status };
      group.responses.set(item, v, f.path);
      itemGroups.set(key, group);
      continue;
    }
    const named = codings(o.code).length === 0 ? str(isObject(o.code) ? o.code.text : undefined) : undefined;
    if (named !== undefined && inexact(o, f.path, `the indicator ${JSON.stringify(named)}`, log)) continue;
    const value = observationValue(o);
    if (named !== undefined && value !== undefined) {
      const takenAt = takenAtOf();
      if (takenAt !== undefined) out.push({ id: unique(keyOf(f, 'Observation')), instrumentId: null, indicator: named, responses: null, score: value, takenAt, status, source: sourceOf(o), clientId: clientOf(f), path: f.path });
      continue;
    }
    const coded = codings(o.code).find((c) => c.code !== undefined);
    const what = coded === undefined ? (isObject(o.code) ? str(o.code.text) : undefined) : `${coded.system === undefined ? '' : `${coded.system}|`}${coded.code as string}`;
    log.add(`${f.path}/code`, 'UNMAPPED_OBSERVATION', `${what === undefined ? 'an uncoded observation' : JSON.stringify(what)} is not a registered instrument's total or item`, 'info');
  }
  // Items without a questionnaire response: given to the total of the same instrument and time, or scored on their own.
  for (const [key, g] of itemGroups) {
    const total = totals.get(key);
    const score = scored(g.instrument, g.responses.values, g.f.path, log);
    if (total !== undefined) {
      if (score !== undefined && score !== null && score !== total.score) log.add(total.path, 'TOTAL_MISMATCH', `the total ${String(total.score)} differs from its items' total ${score}; the items' is kept`, 'warning');
      if (score !== undefined) Object.assign(total, { responses: g.responses.values, score });
    } else if (score !== undefined) {
      out.push({ id: unique(keyOf(g.f, 'Observation')), instrumentId: g.instrument.id, indicator: null, responses: g.responses.values, score, takenAt: g.takenAt, status: g.status, source: 'client-report', clientId: clientOf(g.f), path: g.f.path });
    }
  }
  impliedRisks(out, log);
  return out;
}

/** A total filed without its items that needs a risk item above its threshold (a PHQ-9 of 25 or more): filed, and said. */
function impliedRisks(out: readonly Draft[], log: IssueLog): void {
  for (const m of out) {
    const instrument = m.responses === null && m.instrumentId !== null ? getInstrument(m.instrumentId) : undefined;
    for (const r of instrument?.riskItems ?? []) {
      if ((m.score ?? 0) <= impliedAbove(instrument as Instrument, r)) continue;
      const name = (instrument as Instrument).name;
      log.add(m.path, 'RISK_IMPLIED', `a ${name} total of ${String(m.score)} came without its items: item ${r.item} (${r.code}) was above ${r.above}, or left blank and the total prorated; filed, and its case raises the risk alert until a clinician asks it`, 'warning');
    }
  }
}
