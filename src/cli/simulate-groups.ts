/**
 * `simulate --groups N`: the scenario's group programme, run after the cohort on the main thread
 * (groups are few and each is one programme's sequence of meetings). Each group is written as its
 * programme record, then its members' case records (each with its final state as snapshot), one a
 * line: `validate` checks the programme against those very cases when given the file.
 */
import { simulateProgrammes } from '../simulate/programme.js';
import { outcomeRows, type OutcomeRow } from '../simulate/outcomes.js';
import type { Scenario } from '../simulate/scenario.js';
import { NdjsonBlock } from './ndjson-block.js';
import { tableOf, type RecordsSink, type TableWants } from './block-table.js';

/** Simulates and writes the groups; resolves to how many groups and members were written. */
export async function writeGroups(
  scenario: Scenario,
  o: { readonly seed: number; readonly groups: number; readonly shard: { readonly index: number; readonly count: number } },
  table: TableWants | null,
  sink: RecordsSink,
): Promise<{ groups: number; members: number }> {
  let groups = 0;
  let members = 0;
  for (const g of simulateProgrammes(scenario, { seed: o.seed, groups: o.groups, shard: o.shard })) {
    const block = new NdjsonBlock();
    block.add(JSON.stringify(g.programme));
    let events = g.programme.events.length;
    const rows: OutcomeRow[] = [];
    for (const c of g.cases) {
      block.add(JSON.stringify(c));
      events += c.events.length;
      if (table !== null && c.snapshot !== undefined) for (const r of outcomeRows(c.snapshot)) rows.push(r);
    }
    await sink(block.view(), table === null ? null : tableOf(rows, table), events, g.cases.length);
    groups++;
    members += g.cases.length;
  }
  return { groups, members };
}
