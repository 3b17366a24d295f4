import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, Select, Space } from "antd";
import { useSearchParams } from "react-router";
import { evaluationApi } from "../../api/annual-reports";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { ReportTable, StateFilter, stateParam } from "./ReportTable";

/** The annual reports the caller's scope reaches: a host unit its own bases', a recommender its jurisdiction's. */
export function AnnualReportsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const state = stateParam(params.get("state"));
  const year = Number(params.get("year")) || undefined;
  const rounds = useQuery({ queryKey: ["evaluation-rounds"], queryFn: evaluationApi.rounds, staleTime: 60_000 });
  const list = useQuery({
    queryKey: ["annual-reports", "list", { state, year }],
    queryFn: () => evaluationApi.reports({ state, year }),
    placeholderData: keepPreviousData,
  });
  const filter = (next: { state?: string | undefined; year?: number | undefined }) => {
    const merged = { state, year, ...next };
    setParams(
      Object.fromEntries(
        Object.entries(merged)
          .filter(([, value]) => value !== undefined)
          .map(([key, value]) => [key, String(value)]),
      ),
    );
  };
  return (
    <>
      <PageHeader title={t("nav.annualReports")} intro={t("reports.intro")} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<number>
            allowClear
            placeholder={t("reports.allYears")}
            value={year}
            onChange={(picked) => filter({ year: picked ?? undefined })}
            style={{ width: 140 }}
            data-testid="report-year-filter"
            options={(rounds.data?.items ?? []).map((round) => ({ value: round.year, label: String(round.year) }))}
          />
          <StateFilter value={state} onChange={(picked) => filter({ state: picked })} />
        </Space>
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <ReportTable items={list.data?.items} loading={list.isFetching} withYear />
      </Card>
    </>
  );
}
