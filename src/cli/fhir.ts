/**
 * `intervention-lifecycle fhir export|import`: case records to FHIR R4 Bundles (one per record;
 * NDJSON for many) and a Bundle or loose resources back to a record, measurements and goals.
 */
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { SETTINGS, type Setting } from '../case/model/primitives.js';
import { toFhirBundle } from '../fhir/export/bundle.js';
import { search } from '../fhir/export/context.js';
import { fhirId } from '../fhir/ids.js';
import type { FhirReference } from '../fhir/types.js';
import { fromFhir, type FhirImport, type FromFhirOptions } from '../fhir/import/from-fhir.js';
import { isLifecycleError } from '../kernel/errors.js';
import { printable, readFailure, writing } from './printable.js';
import { readingOptions, recordsOf } from './read-records.js';
import { readFlags } from './flags.js';
import { clash } from './same-file.js';
import { recordsPolicy } from './policy.js';
import { isProgrammeRecord } from './programmes.js';
import type { Policy } from '../engine/context.js';
import { POLICY_OR_SCENARIO } from './args.js';

/** The options of `fhir`. */
export interface FhirOptions {
  readonly action: 'export' | 'import';
  readonly file: string;
  readonly type: 'collection' | 'transaction';
  readonly out: string | undefined;
  readonly setting: Setting | undefined;
  /** export: the organisation the Bundles go to (each checked against the client's sharing consent). */
  readonly shareWith: string | undefined;
  /** The identifier system that names clients: written on export, read on import. */
  readonly personSystem: string | undefined;
  /** export, transactions: refer to the client and people by identifier search, entries created if none exists. */
  readonly conditional: boolean;
  readonly quiet: boolean;
  /** export: the policy the records were made under (as `validate` takes it), a file's or a scenario's. */
  readonly policyFile: string | null;
  readonly scenarioFile: string | null;
}

/** Parses the arguments after `fhir`; a string is a usage error. */
export function parseFhirArgs(args: readonly string[]): FhirOptions | 'help' | string {
  const flags = readFlags(args, { type: { type: 'string' }, out: { type: 'string' }, setting: { type: 'string' }, 'share-with': { type: 'string' }, 'person-system': { type: 'string' }, conditional: { type: 'boolean' }, quiet: { type: 'boolean' }, policy: { type: 'string' }, scenario: { type: 'string' } });
  if (typeof flags === 'string') return flags;
  const { values, positionals } = flags;
  const [action, file, ...extra] = positionals;
  if (action !== 'export' && action !== 'import') return action === undefined ? 'name an action: fhir export or fhir import' : `unknown fhir action "${action}" (export or import)`;
  if (file === undefined) return action === 'export' ? 'name a records file (.json, .ndjson) or - for standard input' : 'name a FHIR file (a Bundle, a resource or an array of them, or NDJSON) or - for standard input';
  if (extra.length > 0) return `one file, not ${extra.length + 1}`;
  const type = (values.type as string | undefined) ?? 'collection';
  if (type !== 'collection' && type !== 'transaction') return `--type takes collection or transaction, not "${type}"`;
  const setting = values.setting as string | undefined;
  if (setting !== undefined && !SETTINGS.some((s) => s === setting)) return `--setting takes one of ${SETTINGS.join(', ')}, not "${setting}"`;
  if (action === 'export' && values.setting !== undefined) return '--setting is for fhir import';
  if (action === 'import' && values.type !== undefined) return '--type is for fhir export';
  const shareWith = values['share-with'] as string | undefined;
  if (action === 'import' && shareWith !== undefined) return '--share-with is for fhir export';
  if (shareWith !== undefined && shareWith.trim() === '') return '--share-with names the organisation the Bundles go to';
  const personSystem = values['person-system'] as string | undefined;
  if (personSystem !== undefined && !/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(personSystem)) return `--person-system takes an identifier system, a URI (https://fhir.nhs.uk/Id/nhs-number, say), not "${personSystem}"`;
  const conditional = values.conditional === true;
  if (conditional && action === 'import') return '--conditional is for fhir export';
  if (conditional && type !== 'transaction') return '--conditional is for --type transaction (a server resolves the searches when it runs one)';
  const [policyFile, scenarioFile] = [(values.policy as string | undefined) ?? null, (values.scenario as string | undefined) ?? null];
  if (action === 'import' && (policyFile !== null || scenarioFile !== null)) return `--${policyFile !== null ? 'policy' : 'scenario'} is for fhir export (an import dispatches under the default policy)`;
  if (policyFile !== null && scenarioFile !== null) return POLICY_OR_SCENARIO;
  return { action, file, type, out: values.out as string | undefined, setting: setting as Setting | undefined, shareWith, personSystem, conditional, quiet: values.quiet === true, policyFile, scenarioFile };
}

/**
 * The client's reference with its id in `system` (an NHS number's, say), by search where the
 * references are conditional. Only the client's: the library's own `personSystem` names the staff
 * too, whose ids are no NHS numbers.
 */
function clientIn(system: string, conditional: boolean): (clientId: string) => FhirReference {
  return (clientId) => ({
    reference: conditional ? search('Patient', system, clientId) : `Patient/${fhirId(clientId)}`,
    type: 'Patient',
    identifier: { system, value: clientId },
  });
}

async function runExport(o: FhirOptions, policy: Policy): Promise<number> {
  const reading = readingOptions(o.file, o.quiet);
  const lines: string[] = [];
  let invalid = 0;
  const many = o.file === '-' || /\.(ndjson|jsonl)$/i.test(o.file);
  for await (const item of recordsOf(o.file, reading)) {
    const where = item.line !== undefined ? `line ${item.line}` : item.index !== undefined ? `record ${item.index}` : 'the record';
    if (item.issue !== undefined) {
      invalid++;
      if (!o.quiet) process.stderr.write(`${printable(o.file)} ${where}: ${printable(item.issue.message)} (skipped)\n`);
      continue;
    }
    if (isProgrammeRecord(item.value)) {
      // Said as what it is, not as a case record with a hundred issues (simulate --groups writes them).
      invalid++;
      if (!o.quiet) process.stderr.write(`${printable(o.file)} ${where}: a programme record; fhir export exports case records (skipped)\n`);
      continue;
    }
    try {
      const bundle = toFhirBundle(item.value, {
        type: o.type,
        conditionalReferences: o.conditional,
        policy,
        ...(o.shareWith === undefined ? {} : { shareWith: o.shareWith }),
        ...(o.personSystem === undefined ? {} : { patient: clientIn(o.personSystem, o.conditional) }),
      });
      lines.push(JSON.stringify(bundle));
      if (o.out === undefined && many) process.stdout.write(`${lines.pop() as string}\n`);
    } catch (e) {
      if (!isLifecycleError(e)) throw e;
      invalid++;
      if (!o.quiet) process.stderr.write(`${printable(o.file)} ${where}: ${printable(e.message)} (skipped)\n`);
    }
  }
  const text = lines.length === 1 && !many ? `${JSON.stringify(JSON.parse(lines[0] as string), null, 2)}\n` : lines.map((l) => `${l}\n`).join('');
  if (o.out !== undefined) writing(o.out, () => writeFileSync(o.out as string, text));
  else process.stdout.write(text);
  return invalid > 0 ? 1 : 0;
}

/**
 * Where NDJSON's every line is a Bundle (as `fhir export` writes many records): the lines, to import
 * one by one. Undefined for anything else — one JSON document, or a bulk export's resources one a
 * line — which is one import. Each line is parsed here and again when imported, so that no more
 * than one Bundle is held at a time.
 */
function bundleLines(text: string): { index: number; line: string }[] | undefined {
  const lines = text
    .split(/\r?\n/)
    .map((line, index) => ({ index, line: index === 0 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line }))
    .filter(({ line }) => line.trim() !== '');
  if (lines.length < 2) return undefined;
  for (const { line } of lines) {
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value !== 'object' || value === null || (value as { resourceType?: unknown }).resourceType !== 'Bundle') return undefined;
    } catch {
      return undefined;
    }
  }
  return lines;
}

/** Prints an import's issues, their paths under `prefix`; whether any was more than information. */
function report(result: FhirImport, prefix: string, quiet: boolean): boolean {
  if (!quiet) for (const i of result.issues) process.stderr.write(`${i.severity} ${prefix + i.path || '/'} ${i.code}: ${printable(i.message)}\n`);
  return result.issues.some((i) => i.severity !== 'info');
}

const NO_CASE = 'intervention-lifecycle fhir import: the input holds no case (no EpisodeOfCare or referral with a patient); nothing written\n';

function runImport(o: FhirOptions): number {
  const text = readFileSync(o.file === '-' ? 0 : o.file, 'utf8');
  const options: FromFhirOptions = { ...(o.setting === undefined ? {} : { setting: o.setting }), ...(o.personSystem === undefined ? {} : { personSystem: o.personSystem }) };
  const lines = bundleLines(text);
  if (lines === undefined) {
    const result = fromFhir(text, options);
    const issues = report(result, '', o.quiet);
    if (o.out === undefined) {
      process.stdout.write(`${JSON.stringify({ record: result.record ?? null, measurements: result.measurements, goals: result.goals }, null, 2)}\n`);
      return issues ? 1 : 0;
    }
    if (result.record === undefined) {
      process.stderr.write(NO_CASE);
      return 1;
    }
    writing(o.out, () => writeFileSync(o.out as string, `${JSON.stringify(result.record, null, 2)}\n`));
    return issues ? 1 : 0;
  }
  // One import a Bundle, each written as it is made (issue paths start with the line's index, as
  // NDJSON's do); the file opened at the first record, so none is left empty.
  let out: number | undefined;
  let issues = false;
  let written = 0;
  try {
    for (const { index, line } of lines) {
      const result = fromFhir(JSON.parse(line) as unknown, options);
      issues = report(result, `/${index}`, o.quiet) || issues;
      if (o.out === undefined) process.stdout.write(`${JSON.stringify({ record: result.record ?? null, measurements: result.measurements, goals: result.goals })}\n`);
      else if (result.record !== undefined) {
        const fd = (out ??= writing(o.out, () => openSync(o.out as string, 'w')));
        writing(o.out, () => writeSync(fd, `${JSON.stringify(result.record)}\n`));
        written++;
      }
    }
  } finally {
    if (out !== undefined) closeSync(out);
  }
  if (o.out === undefined) return issues ? 1 : 0;
  if (written === 0) process.stderr.write(NO_CASE);
  else if (written < lines.length) process.stderr.write(`intervention-lifecycle fhir import: ${lines.length - written} of ${lines.length} Bundles hold no case; ${written} records written\n`);
  return issues || written < lines.length ? 1 : 0;
}

/** Runs `fhir export` or `fhir import`; resolves to 0 (clean), 1 (records skipped, or import issues) or 2 (I/O). */
export async function runFhir(o: FhirOptions): Promise<number> {
  const conflict = clash([['the input file', o.file]], [['--out', o.out]]);
  if (conflict !== undefined) {
    process.stderr.write(`intervention-lifecycle fhir ${o.action}: ${printable(conflict)}\n`);
    return 2;
  }
  // Multi-line (a policy's every problem), so printed as it is rather than as a read failure.
  const policy = await recordsPolicy(o.policyFile, o.scenarioFile);
  if (typeof policy === 'string') {
    process.stderr.write(`intervention-lifecycle fhir ${o.action}: ${policy}\n`);
    return 2;
  }
  try {
    return o.action === 'export' ? await runExport(o, policy) : runImport(o);
  } catch (e) {
    process.stderr.write(`intervention-lifecycle fhir ${o.action}: ${readFailure(o.file, e)}\n`);
    return 2;
  }
}
