import { expect } from 'vitest';
import { dispatch, replay, type Actor, type CaseEvent, type CaseState, type Context, type ErrorCode } from '../../src/index.js';
import { people } from '../case/fixtures.js';

/** An expected event: its type, or a part of it (`{ type, data: { … } }`). */
type Expected = string | Record<string, unknown>;

/**
 * A specification in one line: `given(events | state).when(command, actor?).then(...events)` or
 * `.refused(code, rule?)`. Accepted commands are checked to record exactly the expected events;
 * refused ones, to carry the code and rule and to leave the state untouched.
 *
 * @example
 * given(caseAt('active')).when({ type: 'startReview' }).then('reviewStarted');
 * given(caseAt('active')).when({ type: 'closeCase', reason: 'completed' }).refused('GUARD_FAILED', 'outcomesRecorded');
 */
export function given(start: CaseState | null | readonly CaseEvent[], options: { readonly at?: string; readonly context?: Partial<Context> } = {}) {
  const state = Array.isArray(start) ? replay(start as readonly CaseEvent[]) : (start as CaseState | null);
  return {
    when(command: Record<string, unknown>, actor: Actor = people.lead) {
      // One hour after the case's last change, unless the spec names the instant.
      const at = options.at ?? new Date(Date.parse(state?.updatedAt ?? '2026-01-05T09:00:00.000Z') + 3_600_000).toISOString();
      let n = 0;
      const ctx: Context = { actor, now: () => at, newId: () => `new-${++n}`, ...options.context };
      const before = JSON.stringify(state);
      const result = dispatch(state, command, ctx);
      return {
        /** The command is accepted and records exactly these events, in order. */
        then(...expected: Expected[]): CaseState {
          if (!result.ok) throw new Error(`${String(command.type)} refused: ${result.error.code} ${result.error.rule ?? ''} ${result.error.message}`);
          expect(result.events.map((e) => e.type)).toEqual(expected.map((x) => (typeof x === 'string' ? x : x.type)));
          expected.forEach((x, i) => typeof x === 'object' && expect(result.events[i]).toMatchObject(x));
          return result.state;
        },
        /** The command is refused with this code (and rule), and the state is left as it was. */
        refused(code: ErrorCode, rule?: string): void {
          expect(result.ok, `${String(command.type)} was accepted`).toBe(false);
          if (result.ok) return;
          expect([result.error.code, result.error.rule], result.error.message).toEqual([code, rule ?? result.error.rule]);
          expect(JSON.stringify(state)).toBe(before);
        },
      };
    },
  };
}
