import { Alert, Card } from "antd";
import type { ApplicationDetail } from "../../api/recognition";
import { FindingList } from "../../components/FindingList";
import { useI18n } from "../../i18n/I18nProvider";

/** Every finding the server's rules returned, each with its article, and what blocks a submission — never re-derived. */
export function EligibilityPanel({ detail }: { detail: ApplicationDetail }) {
  const { t, pick } = useI18n();
  const eligibility = detail.eligibility;
  return (
    <Card
      size="small"
      title={t("eligibility.title", { date: eligibility?.referenceDate ?? "" })}
      data-testid="eligibility-panel"
    >
      {detail.submitBlockers.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t("editor.blockers")}
          description={
            <ul style={{ paddingLeft: 18, margin: 0 }} data-testid="submit-blockers">
              {detail.submitBlockers.map((b) => (
                <li key={`${b.path}-${b.messageZh}`}>{pick(b.messageZh, b.messageEn)}</li>
              ))}
            </ul>
          }
        />
      ) : detail.availableEvents.includes("submit") || detail.availableEvents.includes("resubmit-correction") ? (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} message={t("editor.ready")} />
      ) : null}
      <FindingList findings={eligibility?.findings ?? []} />
    </Card>
  );
}
