import { Tag } from "antd";
import {
  type RectificationEvent,
  type RectificationState,
  rectificationEventLabel,
  rectificationLifecycle,
} from "../../../../policy/lifecycles/rectification.transitions";
import { useI18n } from "../../i18n/I18nProvider";

/** Labels come from the lifecycle in policy/, one list for the server and the page. */
const colors: Record<RectificationState, string> = {
  open: "orange",
  "plan-filed": "gold",
  "report-filed": "blue",
  passed: "green",
  failed: "red",
  closed: "default",
};

export function useRectificationLabels() {
  const { pick } = useI18n();
  return {
    state: (state: RectificationState) => {
      const label = rectificationLifecycle.stateLabels[state];
      return pick(label.zh, label.en);
    },
    event: (event: RectificationEvent) => {
      const label = rectificationEventLabel(event);
      return pick(label.zh, label.en);
    },
  };
}

export function RectificationStateTag({ state }: { state: RectificationState }) {
  const labels = useRectificationLabels();
  return (
    <Tag color={colors[state]} data-testid="rectification-state">
      {labels.state(state)}
    </Tag>
  );
}

/** 2027年12月4日（还剩 30 天）under the 整改期限 label; only the date once the case is decided. */
export function useDueText() {
  const { t, date } = useI18n();
  return (dueOn: string, daysLeft: number, decided: boolean) => {
    const shown = date(dueOn);
    if (decided) return t("rectification.dueOn.closed", { date: shown });
    if (daysLeft > 0) return t("rectification.dueLeft", { date: shown, n: daysLeft });
    if (daysLeft === 0) return t("rectification.dueToday", { date: shown });
    return t("rectification.dueOver", { date: shown, n: -daysLeft });
  };
}
