import { useQuery } from "@tanstack/react-query";
import { Card, Tabs } from "antd";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { ApprovalTab } from "./ApprovalTab";
import { CandidatesTab } from "./CandidatesTab";
import { decisionApi } from "./decision-api";
import { NoticesTab } from "./NoticesTab";
import { PortfolioTab } from "./PortfolioTab";
import { RecognitionTab } from "./RecognitionTab";

const tabs = ["candidates", "portfolio", "approval", "notices", "recognition"] as const;
type Tab = (typeof tabs)[number];

/** Officer: the decision half of a recognition round (Art. 14.2–14.3; SPEC §5.1 steps 6–9). */
export function DecisionsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  // A 工作台 link filters the 公示 tab (?objections=open, ?endingWithin=7) without naming the tab.
  const noticesFiltered = params.has("objections") || params.has("endingWithin");
  const active = (tabs as readonly string[]).includes(params.get("tab") ?? "")
    ? (params.get("tab") as Tab)
    : noticesFiltered
      ? "notices"
      : "candidates";
  const candidates = useQuery({ queryKey: ["decisions", "candidates"], queryFn: () => decisionApi.candidates() });
  const portfolio = useQuery({
    queryKey: ["decisions", "portfolio"],
    queryFn: () => decisionApi.portfolio(),
    enabled: active === "portfolio",
  });
  const items = candidates.data?.items ?? [];
  return (
    <>
      <PageHeader title={t("nav.decisions")} intro={t("decisions.intro")} />
      <Card>
        {candidates.isError ? <QueryError error={candidates.error} onRetry={() => candidates.refetch()} /> : null}
        <Tabs
          activeKey={active}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          items={[
            {
              key: "candidates",
              label: <span data-testid="tab-candidates">{t("decisions.tab.candidates")}</span>,
              children: <CandidatesTab items={items} loading={candidates.isFetching} />,
            },
            {
              key: "portfolio",
              label: <span data-testid="tab-portfolio">{t("decisions.tab.portfolio")}</span>,
              children: (
                <>
                  <p>{t("decisions.portfolio.intro")}</p>
                  <PortfolioTab portfolio={portfolio.data} />
                </>
              ),
            },
            {
              key: "approval",
              label: <span data-testid="tab-approval">{t("decisions.tab.approval")}</span>,
              children: <ApprovalTab candidates={items} />,
            },
            {
              key: "notices",
              label: <span data-testid="tab-notices">{t("decisions.tab.notices")}</span>,
              children: <NoticesTab candidates={items} />,
            },
            {
              key: "recognition",
              label: <span data-testid="tab-recognition">{t("decisions.tab.recognition")}</span>,
              children: <RecognitionTab candidates={items} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
