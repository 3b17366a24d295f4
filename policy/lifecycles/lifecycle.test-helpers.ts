import { expect } from "vitest";
import { type Lifecycle, transition } from "./transition";

/**
 * The table test every lifecycle runs: the allowed (state, event) → state triples, written independently of the
 * table, are exactly the table; every other pair is refused with the lifecycle's article.
 */
export function expectExactTable<State extends string, Event extends string, Context>(
  lifecycle: Lifecycle<State, Event, Context>,
  expected: readonly (readonly [State, Event, State])[],
  permissiveContext: Context,
  /** Pairs in the table whose guard cannot pass with the same context as the others (tested on their own). */
  testedSeparately: readonly (readonly [State, Event])[] = [],
): number {
  let refused = 0;
  for (const state of lifecycle.states) {
    for (const event of lifecycle.events) {
      if (testedSeparately.some(([from, on]) => from === state && on === event)) {
        expect(lifecycle.table[state][event], `${state} --${event}--> is in the table`).toBeDefined();
        continue;
      }
      const row = expected.find(([from, on]) => from === state && on === event);
      const outcome = transition(lifecycle, state, event, permissiveContext);
      if (row) {
        expect(outcome, `${state} --${event}-->`).toMatchObject({ ok: true, value: { to: row[2] } });
      } else {
        refused += 1;
        expect(outcome, `${state} --${event}--> must be refused`).toMatchObject({
          ok: false,
          refusal: { code: "invalid-transition", article: lifecycle.article },
        });
      }
    }
  }
  return refused;
}
