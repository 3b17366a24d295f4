import type { Ability } from "../access/abilities";
import { accept, type Outcome, type Refusal, refuse } from "../refusal";

/** One allowed move: where it leads, the ability it needs (from the access registry), the article, a guard. */
export interface TransitionRule<State extends string, Context> {
  to: State;
  ability: Ability;
  article: string;
  /** Null when the move may go ahead; otherwise the refusal, citing its article. */
  guard?: (context: Context) => Refusal | null;
}

export type TransitionTable<State extends string, Event extends string, Context> = Record<
  State,
  Partial<Record<Event, TransitionRule<State, Context>>>
>;

/** A lifecycle: its states and events (for exhaustive tests and the UI), labels, and the table. */
export interface Lifecycle<State extends string, Event extends string, Context> {
  name: string;
  /** The article the lifecycle as a whole rests on (cited when a move is not in the table). */
  article: string;
  states: readonly State[];
  events: readonly Event[];
  stateLabels: Record<State, { zh: string; en: string }>;
  table: TransitionTable<State, Event, Context>;
}

export function transitionRule<State extends string, Event extends string, Context>(
  lifecycle: Lifecycle<State, Event, Context>,
  state: State,
  event: Event,
): TransitionRule<State, Context> | undefined {
  const row: Partial<Record<Event, TransitionRule<State, Context>>> | undefined = lifecycle.table[state];
  return row?.[event];
}

/**
 * Applies an event to a state. Refused (with the article) when the pair is not in the table, when the caller
 * lacks the ability (only checked if `callerAbilities` is given: the server checks row scope itself), or when
 * the guard refuses. Only the server's transition command writes the new state, with its audit entry.
 */
export function transition<State extends string, Event extends string, Context>(
  lifecycle: Lifecycle<State, Event, Context>,
  state: State,
  event: Event,
  context: Context,
  callerAbilities?: readonly Ability[],
): Outcome<{ to: State; ability: Ability; article: string }> {
  const rule = transitionRule(lifecycle, state, event);
  if (!rule) {
    const label = lifecycle.stateLabels[state] ?? { zh: state, en: state };
    return refuse({
      code: "invalid-transition",
      article: lifecycle.article,
      messageZh: `当前状态为“${label.zh}”，不能执行“${event}”。`,
      messageEn: `The ${lifecycle.name} is ${label.en}; "${event}" is not possible now.`,
    });
  }
  if (callerAbilities && !callerAbilities.includes(rule.ability)) {
    return refuse({
      code: "forbidden",
      article: rule.article,
      messageZh: "您没有执行该操作的权限。",
      messageEn: `This needs the ability ${rule.ability}.`,
    });
  }
  const refusal = rule.guard?.(context) ?? null;
  if (refusal) return refuse(refusal);
  return accept({ to: rule.to, ability: rule.ability, article: rule.article });
}

/**
 * The events the caller may attempt from a state (their ability allows them); with a context, only those whose
 * guard also passes. The server sends these with the record so the UI never re-derives them.
 */
export function availableEvents<State extends string, Event extends string, Context>(
  lifecycle: Lifecycle<State, Event, Context>,
  state: State,
  callerAbilities: readonly Ability[],
  context?: Context,
): Event[] {
  return lifecycle.events.filter((event) => {
    const rule = transitionRule(lifecycle, state, event);
    if (!rule || !callerAbilities.includes(rule.ability)) return false;
    return context === undefined || !rule.guard?.(context);
  });
}

/** A guard that needs a written reason (returns, rejections, withdrawals). */
export function requireReason(article: string) {
  return (context: { reason?: string }): Refusal | null =>
    context.reason?.trim()
      ? null
      : {
          code: "reason-required",
          article,
          path: "reason",
          messageZh: "请填写理由。",
          messageEn: "A reason is required.",
        };
}

/** Terminal states: no event leaves them. */
export function terminalStates<State extends string, Event extends string, Context>(
  lifecycle: Lifecycle<State, Event, Context>,
): State[] {
  return lifecycle.states.filter((state) => Object.keys(lifecycle.table[state]).length === 0);
}
