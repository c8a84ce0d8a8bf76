/**
 * `intervention-lifecycle outcomes <records>`: the outcome table of existing records. Each record is
 * validated first; an invalid one is reported on stderr and skipped; cases without research consent
 * give no row, nor do programme records (their members' case records give theirs); a case met a
 * second time is said on stderr (its rows are kept).
 */
import { validateRecord } from '../validate/validate-record.js';
import { outcomeRows, type OutcomeRow } from '../simulate/outcomes.js';
import { csvHeader, csvLine, instrumentsOf } from '../simulate/table.js';
import { printable, readFailure } from './printable.js';
import { readingOptions, recordsOf } from './read-records.js';
import { readFlags } from './flags.js';
import { asOfInstant } from '../kernel/clock.js';
import { recordsPolicy } from './policy.js';
import { isProgrammeRecord } from './programmes.js';
import { POLICY_OR_SCENARIO } from './args.js';

/** The options of `outcomes`. */
export interface OutcomesOptions {
  readonly file: string;
  readonly format: 'csv' | 'ndjson';
  readonly asOf: string | undefined;
  readonly quiet: boolean;
  /** How to read "-". */
  readonly stdin: 'ndjson' | 'json';
  /** The policy the records were made under, as `validate` takes it: a policy file, or a scenario's. */
  readonly policyFile: string | null;
  readonly scenarioFile: string | null;
}

/** Parses the arguments after `outcomes`; a string is a usage error. */
export function parseOutcomesArgs(args: readonly string[]): OutcomesOptions | 'help' | string {
  const flags = readFlags(args, { format: { type: 'string' }, 'as-of': { type: 'string' }, quiet: { type: 'boolean' }, stdin: { type: 'string' }, policy: { type: 'string' }, scenario: { type: 'string' } });
  if (typeof flags === 'string') return flags;
  const { values, positionals } = flags;
  if (positionals.length !== 1) return positionals.length === 0 ? 'name a records file (.ndjson, .json) or - for standard input' : `one records file, not ${positionals.length}`;
  const format = (values.format as string | undefined) ?? 'csv';
  if (format !== 'csv' && format !== 'ndjson') return `--format takes csv or ndjson, not "${format}"`;
  const asOf = values['as-of'] as string | undefined;
  // Checked here, as outcomeRows will read it, so a bad instant is a usage error before any record is read.
  if (asOf !== undefined) {
    try {
      asOfInstant(asOf);
    } catch {
      return `--as-of takes an ISO-8601 instant with an offset (Z or ±hh:mm) or a date (YYYY-MM-DD), not "${asOf}"`;
    }
  }
  const stdin = (values.stdin as string | undefined) ?? 'ndjson';
  if (stdin !== 'ndjson' && stdin !== 'json') return `--stdin takes ndjson or json, not "${stdin}"`;
  const [policyFile, scenarioFile] = [(values.policy as string | undefined) ?? null, (values.scenario as string | undefined) ?? null];
  if (policyFile !== null && scenarioFile !== null) return POLICY_OR_SCENARIO;
  return { file: positionals[0] as string, format, asOf, quiet: values.quiet === true, stdin, policyFile, scenarioFile };
}

/** Runs `outcomes`; resolves to 0 (every record valid), 1 (some skipped as invalid) or 2. */
export async function runOutcomes(o: OutcomesOptions): Promise<number> {
  const policy = await recordsPolicy(o.policyFile, o.scenarioFile);
  if (typeof policy === 'string') {
    process.stderr.write(`intervention-lifecycle outcomes: ${policy}\n`);
    return 2;
  }
  const reading = readingOptions(o.file, o.quiet, o.stdin);
  const rows: OutcomeRow[] = [];
  // Where each case was first read: the same case twice (a file given twice, overlapping exports,
  // two runs whose ids collide) would count twice in the table, so it is said.
  const seen = new Map<string, string>();
  let invalid = 0;
  try {
    for await (const item of recordsOf(o.file, reading)) {
      const where = item.line !== undefined ? `line ${item.line}` : item.index !== undefined ? `record ${item.index}` : 'the record';
      if (item.issue !== undefined) {
        invalid++;
        if (!o.quiet) process.stderr.write(`${printable(o.file)} ${where}: ${printable(item.issue.message)} (skipped)\n`);
        continue;
      }
      // A programme's record (as simulate --groups writes beside its members' cases) is no case and
      // gives no row: its members' case records give theirs.
      if (isProgrammeRecord(item.value)) continue;
      const v = validateRecord(item.value, { policy });
      if (!v.valid || v.state === undefined) {
        invalid++;
        const first = v.issues[0];
        if (!o.quiet) process.stderr.write(`${printable(o.file)} ${where}: invalid${first ? ` (${first.code} at ${first.path || '/'}: ${printable(first.message)})` : ''}; skipped\n`);
        continue;
      }
      const earlier = seen.get(v.state.id);
      if (earlier === undefined) seen.set(v.state.id, where);
      else if (!o.quiet) process.stderr.write(`${printable(o.file)} ${where}: case ${printable(v.state.id)} again (first at ${earlier}): each record gives its own row\n`);
      rows.push(...outcomeRows(v.state, o.asOf === undefined ? {} : { asOf: o.asOf }));
    }
  } catch (e) {
    process.stderr.write(`intervention-lifecycle outcomes: ${readFailure(o.file, e)}\n`);
    return 2;
  }
  if (o.format === 'ndjson') {
    for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
  } else {
    const instruments = instrumentsOf(rows);
    process.stdout.write(`${csvHeader(instruments)}\n`);
    for (const r of rows) process.stdout.write(`${csvLine(r, instruments)}\n`);
  }
  return invalid > 0 ? 1 : 0;
}
