/**
 * Writing the CLI's output files and standard output without ever crashing on a stream error: a
 * file that cannot be opened is reported before any work starts, a write that fails (a full disk)
 * ends the command with exit 2 and a one-line message, and a reader that goes away (`| head`) stops
 * the command quietly.
 */
import { createWriteStream } from 'node:fs';

/** A destination for output: a file opened by {@link openOutput}, or standard output. */
export class Output {
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly name: string,
  ) {
    stream.on('error', (e: Error) => {
      this.failure ??= new Error(`cannot write ${name}: ${e.message}`);
      this.wake?.();
    });
  }

  /**
   * Writes a chunk; resolves once it is written (the caller may then reuse its bytes), rejects once
   * the stream has failed. One chunk at a time is in flight, so a slow reader holds the writer back.
   */
  async write(chunk: string | Uint8Array): Promise<void> {
    if (this.failure !== null) throw this.failure;
    await new Promise<void>((resolve) => {
      this.wake = resolve;
      // The stream says a failure to this callback before its 'error' event: noted here, so it is not missed.
      this.stream.write(chunk, (e?: Error | null) => {
        if (e) this.failure ??= new Error(`cannot write ${this.name}: ${e.message}`);
        resolve();
      });
    });
    this.wake = null;
    if (this.failure !== null) throw this.failure;
  }

  /** Ends a file (standard output stays open); resolves when every byte is written. */
  async end(): Promise<void> {
    if (this.failure !== null) throw this.failure;
    if (this.stream === process.stdout) return;
    await new Promise<void>((resolve, reject) => {
      this.wake = () => reject(this.failure);
      this.stream.end(() => (this.failure === null ? resolve() : reject(this.failure)));
    });
  }

  /** Standard output, as an {@link Output}. */
  static stdout(): Output {
    return new Output(process.stdout, 'standard output');
  }
}

/** Opens a file for writing; resolves once it is open, or rejects saying why it cannot be. */
export function openOutput(file: string): Promise<Output> {
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(file);
    const failed = (e: Error): void => reject(new Error(`cannot write ${file}: ${e.message}`));
    stream.once('error', failed);
    stream.once('open', () => {
      stream.removeListener('error', failed);
      resolve(new Output(stream, file));
    });
  });
}

/**
 * Makes errors on standard output end the process cleanly: a closed pipe (the reader stopped, as
 * `| head` does) quietly, anything else with a one-line message and exit 2. Without this Node prints
 * an unhandled-error stack trace.
 */
export function guardStdout(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`intervention-lifecycle: cannot write to standard output: ${e.message}\n`);
    process.exit(2);
  });
}
