import { Form, InputNumber } from "antd";
import type { RubricIndicator } from "../../../policy/grading/rubric";
import { useI18n } from "../i18n/I18nProvider";

/** The indicators scored directly (a node's children, never the node itself). */
export function rubricLeaves(indicators: readonly RubricIndicator[]): RubricIndicator[] {
  return indicators.flatMap((indicator) =>
    indicator.children?.length ? rubricLeaves(indicator.children) : [indicator],
  );
}

/**
 * One leaf of a score sheet (`scores.<leafId>`): its label and range, and a number input (`score-<leafId>`). A value
 * outside the range is refused at the field rather than silently moved to the nearest bound; the server checks again.
 */
export function RubricScoreField({ leaf, required }: { leaf: RubricIndicator; required?: boolean }) {
  const { t, pick } = useI18n();
  const range = { min: leaf.min, max: leaf.max };
  return (
    <Form.Item
      name={["scores", leaf.id]}
      label={`${pick(leaf.labelZh, leaf.labelEn ?? leaf.labelZh)}（${leaf.min}–${leaf.max}）`}
      rules={[
        ...(required ? [{ required: true }] : []),
        { type: "number", ...range, message: t("score.outOfRange", range) },
      ]}
    >
      <InputNumber aria-valuemin={leaf.min} aria-valuemax={leaf.max} data-testid={`score-${leaf.id}`} />
    </Form.Item>
  );
}
