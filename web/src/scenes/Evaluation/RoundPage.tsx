import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Popconfirm, Space } from "antd";
import { Link, useParams, useSearchParams } from "react-router";
import { evaluationApi } from "../../api/annual-reports";
import { hasAbility, useSession } from "../../api/session";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { ReportTable, StateFilter, stateParam } from "../AnnualReports/ReportTable";
import { AchievementsCard } from "./AchievementsCard";
import { EntrustmentCard } from "./EntrustmentCard";
import { GradingCard } from "./GradingCard";

/**
 * One year's evaluation: its reports (base, unit, state, submitted at), filtered by state in the URL; an officer
 * who manages evaluations puts the submitted reports under evaluation (开始评审) once there are any.
 */
export function RoundPage() {
  const { id = "" } = useParams();
  const me = useSession();
  const { t, date, number } = useI18n();
  const feedback = useFeedback();
  const queryClient = useQueryClient();
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
  const start = useMutation({
    mutationFn: () => evaluationApi.startEvaluation(id),
    onSuccess: ({ started }) => {
      feedback.done(t("round.evaluationStarted", { n: number(started) }));
      void queryClient.invalidateQueries({ queryKey: ["evaluation-rounds"] });
      void queryClient.invalidateQueries({ queryKey: ["annual-reports"] });
      void queryClient.invalidateQueries({ queryKey: ["review-targets"] });
    },
    onError: (error) => feedback.fail(error),
  });
  const submitted = round?.counts.submitted ?? 0;
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
        extra={
          submitted > 0 && hasAbility(me, "evaluation.manage") ? (
            <Popconfirm
              title={t("round.startEvaluation")}
              description={t("round.startEvaluationConfirm", { n: number(submitted) })}
              onConfirm={() => start.mutateAsync().catch(() => undefined)}
              okButtonProps={{ "data-testid": "round-start-evaluation-ok" } as never}
            >
              <Button type="primary" loading={start.isPending} data-testid="round-start-evaluation">
                {t("round.startEvaluation")}
              </Button>
            </Popconfirm>
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
      {round?.evaluator === "third-party" ? <EntrustmentCard roundId={id} /> : null}
      {id && hasAbility(me, "evaluation.grade") ? <GradingCard roundId={id} /> : null}
      {round ? <AchievementsCard year={round.year} /> : null}
    </>
  );
}
