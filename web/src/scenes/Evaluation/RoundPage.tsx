import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Card, Space } from "antd";
import { Link, useParams, useSearchParams } from "react-router";
import { evaluationApi } from "../../api/annual-reports";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { ReportTable, StateFilter, stateParam } from "../AnnualReports/ReportTable";

/** One year's evaluation: its reports (base, unit, state, submitted at), filtered by state in the URL. */
export function RoundPage() {
  const { id = "" } = useParams();
  const { t, date } = useI18n();
  const [params, setParams] = useSearchParams();
  const state = stateParam(params.get("state"));
  const rounds = useQuery({ queryKey: ["evaluation-rounds"], queryFn: evaluationApi.rounds });
  const round = rounds.data?.items.find((candidate) => candidate.id === id);
  const reports = useQuery({
    queryKey: ["annual-reports", "list", { year: round?.year, state }],
    queryFn: () => evaluationApi.reports({ year: round?.year, state }),
    enabled: round !== undefined,
    placeholderData: keepPreviousData,
  });
  if (rounds.isError) return <QueryError error={rounds.error} onRetry={() => rounds.refetch()} />;
  if (rounds.data && !round) return <Alert type="warning" showIcon title={t("round.notFound")} />;
  return (
    <>
      <PageHeader
        title={round?.title ?? t("nav.evaluation")}
        intro={
          round ? (
            <Space split="·" wrap>
              <span>
                {t("round.summary", {
                  year: round.year,
                  deadline: date(round.reportDeadline),
                  evaluator: t(`round.evaluator.${round.evaluator}`),
                })}
              </span>
              <Link to="/evaluation">{t("round.back")}</Link>
            </Space>
          ) : null
        }
      />
      <Card loading={!round}>
        <Space wrap style={{ marginBottom: 16 }}>
          <StateFilter
            value={state}
            counts={round?.counts}
            onChange={(picked) => setParams(picked ? { state: picked } : {})}
          />
        </Space>
        {reports.isError ? <QueryError error={reports.error} onRetry={() => reports.refetch()} /> : null}
        <ReportTable items={reports.data?.items} loading={reports.isFetching} />
      </Card>
    </>
  );
}
