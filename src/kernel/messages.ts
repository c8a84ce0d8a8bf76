/**
 * The wording of every kernel-level message, keyed by error code, so that messages stay consistent
 * and can be translated in one place.
 */

/** What the kernel knows when a command is not allowed from a status. */
export interface InvalidTransitionFacts {
  readonly machine: string;
  readonly entityId?: string | undefined;
  readonly status: string;
  readonly command: string;
  readonly allowed: readonly string[];
}

function entityName(machine: string, entityId: string | undefined): string {
  return entityId === undefined ? machine : `${machine} ${entityId}`;
}

function list(items: readonly string[]): string {
  return items.length === 0 ? 'none' : items.join(', ');
}

export const messages = {
  INVALID_TRANSITION: (f: InvalidTransitionFacts): string =>
    `Cannot ${f.command}: ${entityName(f.machine, f.entityId)} is ${f.status}; ` +
    `commands allowed from ${f.status}: ${list(f.allowed)}`,
  GUARD_FAILED: (f: { machine: string; entityId?: string | undefined; command: string; guard: string; reason: string }): string =>
    `Cannot ${f.command} for ${entityName(f.machine, f.entityId)}: ${f.reason}`,
  UNKNOWN_COMMAND: (f: { machine: string; command: string; known: readonly string[] }): string =>
    `The ${f.machine} machine has no command ${f.command}; it knows: ${list(f.known)}`,
  BAD_TARGET: (f: { machine: string; command: string; target: string; allowed: readonly string[] }): string =>
    `The ${f.machine} machine's ${f.command} rule chose ${f.target}, which is not among its declared targets (${list(f.allowed)})`,
  CONFLICT: (f: { entity: string; expected: number; actual: number }): string =>
    `${f.entity} is at version ${f.actual}, not the expected ${f.expected}; reload it and try again`,
} as const;
