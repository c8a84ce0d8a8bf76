/** The copies one copy-on-write edit made (draft.ts), and what each was made from, for freezing. */
import type { Copier } from './copies.js';

export interface Made {
  /** The value the copy was made from. */
  readonly original: object;
  /** Finds the values in the copy that are not the original's. */
  readonly changed: Copier<never>['changed'];
}

/**
 * The copies an edit made, each with what it was copied from. An edit makes a handful, so a scan
 * of a small array finds one faster than a Map (which must first give every new object an identity
 * hash); past a few dozen, a Map takes over so that large edits stay linear.
 */
export class Copies {
  private readonly copies: object[] = [];
  // What each copy was made from, kept only when the edit will freeze (freezing walks from them).
  private readonly made: Made[] | null;
  private index: Map<object, Made | null> | null = null;

  constructor(keepOriginals: boolean) {
    this.made = keepOriginals ? [] : null;
  }

  add(copy: object, original: object, changed: Made['changed']): void {
    const made = this.made === null ? null : { original, changed };
    if (this.index !== null) {
      this.index.set(copy, made);
      return;
    }
    this.copies.push(copy);
    if (made !== null) this.made?.push(made);
    if (this.copies.length > 32) this.index = new Map(this.copies.map((c, i) => [c, this.made?.[i] ?? null]));
  }

  has(value: object): boolean {
    return this.index !== null ? this.index.has(value) : this.copies.indexOf(value) >= 0;
  }

  /** What a copy was made from (when originals are kept). */
  get(value: object): Made | undefined {
    if (this.index !== null) return this.index.get(value) ?? undefined;
    const i = this.copies.indexOf(value);
    return i < 0 ? undefined : this.made?.[i];
  }
}
