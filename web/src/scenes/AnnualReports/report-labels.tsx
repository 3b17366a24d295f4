import { Tag } from "antd";
import {
  type EvaluationEvent,
  type EvaluationState,
  evaluationEvents,
  evaluationLifecycle,
} from "../../../../policy/lifecycles/evaluation.transitions";
import type { MessageKey } from "../../i18n/dictionary";
import { useI18n } from "../../i18n/I18nProvider";

const stateColors = {
  "awaiting-report": "gold",
  "unit-review": "processing",
  "recommender-review": "processing",
  submitted: "blue",
  "under-evaluation": "purple",
  "correction-window": "orange",
  graded: "green",
  "not-submitted": "red",
  withdrawn: "red",
} as const satisfies Record<EvaluationState, string>;

/** A report's state in the lifecycle's own words (policy/lifecycles/evaluation.transitions.ts), never retyped. */
export function ReportStateTag({ state, testId }: { state: EvaluationState; testId?: string }) {
  const { pick } = useI18n();
  const label = evaluationLifecycle.stateLabels[state];
  return (
    <Tag color={stateColors[state]} data-testid={testId}>
      {pick(label.zh, label.en)}
    </Tag>
  );
}

/** The state's label in the current language (filters, counts). */
export function useStateLabel() {
  const { pick } = useI18n();
  return (state: EvaluationState) =>
    pick(evaluationLifecycle.stateLabels[state].zh, evaluationLifecycle.stateLabels[state].en);
}

/** Compiles only while every event of the lifecycle has a label in the dictionary. */
const labelled = (key: `report.event.${EvaluationEvent}`): MessageKey => key;

/** The dictionary key of an event, or null for one the lifecycle does not know (an old history row). */
export function reportEventKey(event: string): MessageKey | null {
  return (evaluationEvents as readonly string[]).includes(event)
    ? labelled(`report.event.${event as EvaluationEvent}`)
    : null;
}

/** Compiles only while every event but 要求补正 (whose form says it) has its consequence in the dictionary. */
const consequenceKeys = {
  "submit-report": "report.consequence.submit-report",
  "unit-approve": "report.consequence.unit-approve",
  "recommender-approve": "report.consequence.recommender-approve",
  "return-report": "report.consequence.return-report",
  "start-evaluation": "report.consequence.start-evaluation",
  "submit-correction": "report.consequence.submit-correction",
  "close-correction": "report.consequence.close-correction",
  grade: "report.consequence.grade",
  "mark-not-submitted": "report.consequence.mark-not-submitted",
  withdraw: "report.consequence.withdraw",
} as const satisfies Record<Exclude<EvaluationEvent, "open-correction">, MessageKey>;

/** What an event does, said before it is done (the confirmation's sentence); null for one without a sentence. */
export function reportConsequenceKey(event: string): MessageKey | null {
  return (consequenceKeys as Record<string, MessageKey>)[event] ?? null;
}
