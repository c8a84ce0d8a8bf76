import { LifecycleError } from './errors.js';
import { rulesOf, type AnyCommand, type GuardVerdict, type Machine, type Rule } from './machine.js';
import { messages } from './messages.js';
import { err, ok, type Result } from './result.js';

/** Names the entity in messages ("goal g-2"); optional. */
export interface StepOptions {
  /** The entity's id, named in messages. */
  readonly entityId?: string;
}

/**
 * Turns a refusing guard verdict into a {@link LifecycleError}; returns `undefined` for `true`.
 * Entity code uses it for checks that live outside a table, so every refusal reads alike.
 *
 * @example
 * ```ts
 * verdictError('reasonGiven', 'a reason is needed')?.code; // 'GUARD_FAILED'
 * verdictError('reasonGiven', true); // undefined
 * ```
 */
export function verdictError(rule: string, verdict: GuardVerdict): LifecycleError | undefined {
  if (verdict === true) return undefined;
  if (typeof verdict === 'string') {
    return new LifecycleError('GUARD_FAILED', verdict, { rule, issues: [{ path: [], code: rule, message: verdict }] });
  }
  return new LifecycleError(verdict.code, verdict.message, { rule, issues: [{ path: [], code: rule, message: verdict.message }] });
}

function ruleOf<S extends string, C extends AnyCommand, X>(machine: Machine<S, C, X>, type: string): Rule<S, C, X> | undefined {
  const rules = rulesOf(machine.transitions);
  if (rules !== undefined) return rules.get(type) as Rule<S, C, X> | undefined;
  // A table not made by defineMachine. Own properties only: a command type such as "constructor"
  // must not find Object.prototype members.
  if (!Object.prototype.hasOwnProperty.call(machine.transitions, type)) return undefined;
  return (machine.transitions as Record<string, Rule<S, C, X> | undefined>)[type];
}

function prefix(machine: string, command: string, entityId: string | undefined, reason: string): string {
  return messages.GUARD_FAILED({ machine, entityId, command, guard: '', reason });
}

/**
 * One pure step of a machine: checks that `command` is allowed from `status` and that every
 * precondition and guard of its rule passes, then returns the target status. Nothing is mutated.
 *
 * Refusals: `INVALID_COMMAND` when the machine has no such command; `INVALID_TRANSITION` (naming the
 * status and the commands allowed from it) when the status does not allow it; `GUARD_FAILED` (with the
 * guard's name in `rule`) or the guard's own code when a check fails.
 *
 * @example
 * ```ts
 * step(door, 'open', { type: 'close', reason: 'done' }, undefined); // { ok: true, value: 'closed' }
 * step(door, 'closed', { type: 'close', reason: 'x' }, undefined).ok; // false: INVALID_TRANSITION
 * ```
 */
export function step<S extends string, C extends AnyCommand, X>(
  machine: Machine<S, C, X>,
  status: S | null,
  command: C,
  context: X,
  options: StepOptions = {},
): Result<S> {
  const rule = ruleOf(machine, command.type);
  if (rule === undefined) {
    const known = Object.keys(machine.transitions);
    return err(new LifecycleError('INVALID_COMMAND', messages.UNKNOWN_COMMAND({ machine: machine.id, command: command.type, known })));
  }
  if (!rule.from.includes(status)) {
    const allowed = allowedMachineCommands(machine, status);
    const message = messages.INVALID_TRANSITION({
      machine: machine.id,
      entityId: options.entityId,
      status: status ?? '(none)',
      command: command.type,
      allowed,
    });
    const refusedAt = { machine: machine.id, ...(options.entityId === undefined ? {} : { entityId: options.entityId }), status, allowed };
    return err(new LifecycleError('INVALID_TRANSITION', message, { issues: [{ path: ['type'], code: 'INVALID_TRANSITION', message }], refusedAt }));
  }
  if (rule.requires !== undefined) {
    for (const precondition of rule.requires) {
      const refusal = verdictError(precondition.name, precondition.check(context));
      if (refusal !== undefined) return err(withPrefix(refusal, machine, status, command.type, options.entityId));
    }
  }
  if (rule.guards !== undefined) {
    for (const guard of rule.guards) {
      const refusal = verdictError(guard.name, guard.check(command, context));
      if (refusal !== undefined) return err(withPrefix(refusal, machine, status, command.type, options.entityId));
    }
  }
  return resolveTarget(machine, rule, status, command, context);
}

function withPrefix<S extends string, C extends AnyCommand, X>(error: LifecycleError, machine: Machine<S, C, X>, status: S | null, command: string, entityId: string | undefined): LifecycleError {
  const refusedAt = { machine: machine.id, ...(entityId === undefined ? {} : { entityId }), status, allowed: allowedMachineCommands(machine, status) };
  return new LifecycleError(error.code, prefix(machine.id, command, entityId, error.message), {
    issues: error.issues,
    ...(error.rule === undefined ? {} : { rule: error.rule }),
    refusedAt,
  });
}

function resolveTarget<S extends string, C extends AnyCommand, X>(
  machine: Machine<S, C, X>,
  rule: Rule<S, C, X>,
  status: S | null,
  command: C,
  context: X,
): Result<S> {
  if (rule.to === undefined) {
    if (status === null) {
      throw new TypeError(`Machine ${machine.id}: rule ${command.type} creates an entity but names no target status`);
    }
    return ok(status);
  }
  if (typeof rule.to === 'string') return ok(rule.to);
  const target = rule.to.pick(command, context, status);
  if (!rule.to.oneOf.includes(target)) {
    // A table bug, not a user error: fail loudly rather than move to an undeclared status.
    throw new TypeError(messages.BAD_TARGET({ machine: machine.id, command: command.type, target, allowed: rule.to.oneOf }));
  }
  return ok(target);
}

/**
 * The commands the table allows from `status`, in table order. With a `context`, commands whose
 * preconditions fail are left out too (guards that read the command's data are not consulted: they
 * can only be judged once the command is known).
 *
 * @example
 * ```ts
 * allowedMachineCommands(door, 'open'); // ['close']
 * allowedMachineCommands(door, null); // ['open']
 * ```
 */
export function allowedMachineCommands<S extends string, C extends AnyCommand, X>(
  machine: Machine<S, C, X>,
  status: S | null,
  ...context: [] | [X]
): C['type'][] {
  const allowed: C['type'][] = [];
  for (const [type, rule] of Object.entries(machine.transitions as Record<string, Rule<S, C, X> | undefined>)) {
    if (rule === undefined || !rule.from.includes(status)) continue;
    if (context.length === 1 && rule.requires !== undefined) {
      const ctx = context[0];
      if (!rule.requires.every((p) => p.check(ctx) === true)) continue;
    }
    allowed.push(type as C['type']);
  }
  return allowed;
}
