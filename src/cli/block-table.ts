/**
 * A block's share of `simulate`'s outcome table: its rows as CSV lines (for --outcomes) and their
 * tally (for the summary). Made where the rows are made (a worker, or the main thread), so that
 * neither the rows nor the whole table are kept: the CLI writes each block's lines as the block is
 * written and adds its tally to the run's, in constant memory however many clients it runs. (Holding
 * every row to the end, as it did, cost 75 MB and a tenth of the run's time for 100,000 clients.)
 */
import type { OutcomeRow } from '../simulate/outcomes.js';
import { csvLine, emptyTally, tallyRow, type Tally } from '../simulate/table.js';

/** What a run wants of its outcome rows. */
export interface TableWants {
  /** Whether to write CSV lines (--outcomes). */
  readonly csv: boolean;
  /** The instruments of the CSV's columns, in order. */
  readonly instruments: readonly string[];
  /** The instrument the summary counts, and its caseness cut-off. */
  readonly main: string;
  readonly caseness: number | undefined;
}

/** A block's CSV lines (each ending in a line break; empty without --outcomes) and its tally. */
export interface BlockTable {
  readonly csv: string;
  readonly tally: Tally;
}

/** The CSV lines and the tally of a block's rows. */
export function tableOf(rows: readonly OutcomeRow[], wants: TableWants): BlockTable {
  const tally = emptyTally();
  for (const r of rows) tallyRow(tally, r, wants.main, wants.caseness);
  const csv = wants.csv && rows.length > 0 ? `${rows.map((r) => csvLine(r, wants.instruments)).join('\n')}\n` : '';
  return { csv, tally };
}

/** Where a block of records goes, in block order: the NDJSON, its share of the outcome table, and how many events and clients. */
export type RecordsSink = (ndjson: Uint8Array, table: BlockTable | null, events: number, clients: number) => Promise<void>;
