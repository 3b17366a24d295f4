import { Tag } from "antd";
import type { EvaluatorScoreState } from "../../api/evaluator";
import { useI18n } from "../../i18n/I18nProvider";

const colors = { "not-started": "default", draft: "gold", submitted: "green" } as const satisfies Record<
  EvaluatorScoreState,
  string
>;

/** Where the evaluator's score of a report stands: 未开始 / 草稿 / 已提交. */
export function ScoreStateTag({ state, testId }: { state: EvaluatorScoreState; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={colors[state]} data-testid={testId}>
      {t(`scoreState.${state}`)}
    </Tag>
  );
}
