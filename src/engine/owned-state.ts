/**
 * The one state dispatch may change in place (in-place.ts says who may ask, and why), or null. Kept
 * apart from in-place.ts so that dispatch can read it without importing its own caller.
 */
let owned: object | null = null;

/** The state the running dispatch may change in place, if any. */
export function ownedState(): object | null {
  return owned;
}

/** Sets the state dispatch may change in place (null: none), returning the one set before. */
export function setOwnedState(state: object | null): object | null {
  const was = owned;
  owned = state;
  return was;
}
