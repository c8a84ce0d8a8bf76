/**
 * A block of NDJSON lines encoded straight into UTF-8 bytes, one line at a time. Building the block
 * as one string first made a rope that encoding had to flatten (a second copy of every byte): this
 * way each line is encoded once, into a buffer that grows as needed.
 */
const encoder = new TextEncoder();

export class NdjsonBlock {
  private bytes: Uint8Array<ArrayBuffer>;
  private used = 0;

  /**
   * `expected`: bytes the block will likely need (the last block's size is a good guess). `reuse`: a
   * buffer an earlier block was written from, to fill again rather than ask for fresh memory.
   */
  constructor(expected = 1 << 16, reuse?: ArrayBuffer) {
    // Fresh memory costs more than it seems: each new megabyte is pages the system must fault in and
    // clear (100,000 clients with two workers: 250,000 page faults and about a second, without reuse).
    this.bytes = reuse !== undefined && reuse.byteLength >= 1024 ? new Uint8Array(reuse) : new Uint8Array(Math.max(1024, expected));
  }

  /** Adds one line: `line` (with no line break in it) and a newline. */
  add(line: string): void {
    // UTF-8 needs at most three bytes per UTF-16 code unit.
    const room = line.length * 3 + 1;
    if (this.bytes.length - this.used < room) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.used + room));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    this.used += encoder.encodeInto(line, this.bytes.subarray(this.used)).written;
    this.bytes[this.used++] = 10;
  }

  /** How many bytes the block holds. */
  get size(): number {
    return this.used;
  }

  /** The block's bytes (a view of its buffer: hand it on, do not add to the block after). */
  view(): Uint8Array<ArrayBuffer> {
    return this.bytes.subarray(0, this.used);
  }
}
