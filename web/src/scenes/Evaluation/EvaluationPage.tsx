import { PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Space, Table, Tag } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { evaluationStates } from "../../../../policy/lifecycles/evaluation.transitions";
import { type EvaluationRound, evaluationApi } from "../../api/annual-reports";
import { hasAbility, useSession } from "../../api/session";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { ReportStateTag } from "../AnnualReports/report-labels";
import { OpenRoundModal } from "./OpenRoundModal";

/** 年度考核: the department's rounds, one per year, with the number of reports in each state; opens a new one. */
export function EvaluationPage() {
  const me = useSession();
  const { t, date, number } = useI18n();
  const navigate = useNavigate();
  const [opening, setOpening] = useState(false);
  const rounds = useQuery({ queryKey: ["evaluation-rounds"], queryFn: evaluationApi.rounds });
  return (
    <>
      <PageHeader
        title={t("nav.evaluation")}
        intro={t("evaluation.intro")}
        extra={
          hasAbility(me, "evaluation.manage") ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="round-create">
              {t("evaluation.open")}
            </Button>
          ) : null
        }
      />
      <Card>
        {rounds.isError ? <QueryError error={rounds.error} onRetry={() => rounds.refetch()} /> : null}
        <Table<EvaluationRound>
          rowKey="id"
          loading={rounds.isFetching}
          dataSource={rounds.data?.items}
          pagination={false}
          locale={{ emptyText: t("evaluation.none") }}
          onRow={(round) => ({ "data-testid": `round-row-${round.year}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: t("round.year"), dataIndex: "year", width: 100 },
            {
              title: t("round.title"),
              width: 300,
              render: (_, round) => (
                <Link to={`/evaluation/${round.id}`} data-testid={`round-link-${round.year}`}>
                  {round.title}
                </Link>
              ),
            },
            { title: t("round.deadline"), width: 140, render: (_, round) => date(round.reportDeadline) },
            { title: t("round.evaluator"), width: 130, render: (_, round) => t(`round.evaluator.${round.evaluator}`) },
            {
              title: t("round.status"),
              width: 90,
              render: (_, round) => (
                <Tag color={round.status === "open" ? "green" : undefined}>{t(`round.status.${round.status}`)}</Tag>
              ),
            },
            {
              title: t("round.counts"),
              render: (_, round) => {
                const total = Object.values(round.counts).reduce((sum, n) => sum + n, 0);
                return (
                  <Space size={[4, 4]} wrap>
                    <span>{t("round.total", { n: number(total) })}</span>
                    {evaluationStates
                      .filter((state) => (round.counts[state] ?? 0) > 0)
                      .map((state) => (
                        <span key={state} style={{ whiteSpace: "nowrap" }}>
                          <ReportStateTag state={state} /> {number(round.counts[state] ?? 0)}
                        </span>
                      ))}
                  </Space>
                );
              },
            },
            {
              title: t("table.actions"),
              width: 110,
              render: (_, round) => (
                <Button size="small" onClick={() => navigate(`/evaluation/${round.id}`)}>
                  {t("round.reports")}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <OpenRoundModal
        open={opening}
        onClose={(opened) => {
          setOpening(false);
          if (opened) navigate(`/evaluation/${opened.id}`);
        }}
      />
    </>
  );
}
