import type { Refusal } from "../refusal";
import type { Lifecycle, TransitionRule } from "./transition";

/**
 * An objection to a 公示 (Art. 14.3; SPEC §5.1 step 9): received → investigating → upheld | dismissed. Each
 * step needs its written notes.
 */
export const objectionStates = ["received", "investigating", "upheld", "dismissed"] as const;
export type ObjectionState = (typeof objectionStates)[number];
export const objectionEvents = ["investigate", "uphold", "dismiss"] as const;
export type ObjectionEvent = (typeof objectionEvents)[number];

export interface ObjectionContext {
  notes?: string;
}

const notesGiven = (context: ObjectionContext): Refusal | null =>
  context.notes?.trim()
    ? null
    : {
        code: "notes-required",
        article: "14.3",
        path: "notes",
        messageZh: "请填写调查情况或处理结论。",
        messageEn: "Write the investigation notes or the resolution.",
      };

type Rule = TransitionRule<ObjectionState, ObjectionContext>;
const resolve = (to: ObjectionState): Rule => ({
  to,
  ability: "objection.resolve",
  article: "14.3",
  guard: notesGiven,
});

export const objectionLifecycle: Lifecycle<ObjectionState, ObjectionEvent, ObjectionContext> = {
  name: "objection",
  article: "14.3",
  states: objectionStates,
  events: objectionEvents,
  table: {
    received: { investigate: resolve("investigating") },
    investigating: { investigate: resolve("investigating"), uphold: resolve("upheld"), dismiss: resolve("dismissed") },
    upheld: {},
    dismissed: {},
  },
  stateLabels: {
    received: { zh: "已受理", en: "received" },
    investigating: { zh: "调查核实中", en: "under investigation" },
    upheld: { zh: "异议成立", en: "upheld" },
    dismissed: { zh: "异议不成立", en: "dismissed" },
  },
};

/** Objections still open: recognition waits for them (Art. 14.3). */
export const openObjectionStates: readonly ObjectionState[] = ["received", "investigating"];
