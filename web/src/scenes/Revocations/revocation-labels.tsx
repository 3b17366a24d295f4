import { Tag } from "antd";
import {
  type RevocationCaseState,
  revocationCaseLifecycle,
} from "../../../../policy/lifecycles/revocation-case.transitions";
import { revocationGrounds } from "../../../../policy/reference/revocation-grounds";
import type { RevocationSummary } from "../../api/revocations";
import { ArticleRef } from "../../components/ArticleRef";
import { useI18n } from "../../i18n/I18nProvider";

const colors: Record<RevocationCaseState, string> = {
  requested: "processing",
  returned: "warning",
  proposed: "orange",
  revoked: "error",
  dismissed: "default",
  withdrawn: "default",
};

export function RevocationStateTag({ state }: { state: RevocationCaseState }) {
  const { pick } = useI18n();
  const label = revocationCaseLifecycle.stateLabels[state];
  return (
    <Tag color={colors[state]} data-testid="revocation-state">
      {pick(label.zh, label.en)}
    </Tag>
  );
}

/** The ground with its article, linked to its text: 第二十条第（六）项：绩效考核整改期满后仍不合格. */
export function useGroundLabel() {
  const { pick } = useI18n();
  return (ground: number) => {
    const found = revocationGrounds.find((g) => g.ground === ground);
    if (!found) return String(ground);
    return (
      <>
        <ArticleRef article={found.article} />
        {pick("：", ": ")}
        {pick(found.nameZh, found.nameEn)}
      </>
    );
  };
}

export function useSourceLabel() {
  const { t } = useI18n();
  return (source: RevocationSummary["source"]) => t(`revocation.source.${source}`);
}
