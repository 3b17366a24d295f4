import { useQuery } from "@tanstack/react-query";
import { Card, Table, Tag } from "antd";
import { Link, useSearchParams } from "react-router";
import { type EvaluatorTaskSummary, evaluatorApi } from "../../api/evaluator";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { stateParam } from "../AnnualReports/ReportTable";
import { ReportStateTag } from "../AnnualReports/report-labels";
import { ScoreStateTag } from "./ScoreStateTag";

/** 评估任务: the reports of the rounds entrusted to the signed-in evaluator (Art. 16.3, 22), each opening its task. */
export function EvaluatorTasksPage() {
  const { t, number } = useI18n();
  // The 工作台 opens this list with pending=true: only the reports still to score.
  const [params, setParams] = useSearchParams();
  const pending = params.get("pending") === "true";
  const tasks = useQuery({
    queryKey: ["evaluator-tasks", pending],
    queryFn: () => evaluatorApi.tasks(pending ? { pending: "true" } : {}),
  });
  return (
    <>
      <PageHeader title={t("nav.evaluatorTasks")} intro={t("evaluatorTasks.intro")} />
      {pending ? (
        <Tag closable onClose={() => setParams({})} style={{ marginBottom: 12 }} data-testid="tasks-filter">
          {t("todo.filter.pending")}
        </Tag>
      ) : null}
      {tasks.isError ? <QueryError error={tasks.error} onRetry={() => tasks.refetch()} /> : null}
      <Card>
        <Table<EvaluatorTaskSummary>
          rowKey="reportId"
          size="middle"
          loading={tasks.isFetching}
          dataSource={tasks.data?.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t("table.total", { n: total }) }}
          locale={{ emptyText: t("evaluatorTasks.empty") }}
          columns={[
            { title: t("evaluatorTasks.year"), width: 90, dataIndex: "year" },
            {
              title: t("evaluatorTasks.base"),
              render: (_, task) => (
                <Link to={`/evaluator-tasks/${task.reportId}`} data-testid={`task-link-${task.reportId}`}>
                  {task.baseName}
                </Link>
              ),
            },
            { title: t("evaluatorTasks.unit"), dataIndex: "unitName" },
            {
              title: t("evaluatorTasks.reportState"),
              width: 150,
              render: (_, task) => {
                const state = stateParam(task.reportState);
                return state ? <ReportStateTag state={state} /> : "—";
              },
            },
            {
              title: t("evaluatorTasks.scoreState"),
              width: 110,
              render: (_, task) => (
                <ScoreStateTag state={task.scoreState} testId={`task-score-state-${task.reportId}`} />
              ),
            },
            {
              title: t("evaluatorTasks.total"),
              width: 100,
              align: "right",
              render: (_, task) => (task.total === null ? "—" : number(task.total)),
            },
          ]}
        />
      </Card>
    </>
  );
}
