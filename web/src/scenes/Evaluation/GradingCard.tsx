import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Checkbox, List, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { grades } from "../../../../policy/grading/grade";
import { type BaseState, baseLifecycle } from "../../../../policy/lifecycles/base.transitions";
import { type GradingLine, gradingApi } from "../../api/grading";
import { QueryError } from "../../components/QueryError";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { ReportStateTag } from "../AnnualReports/report-labels";
import { FundingModal } from "./FundingModal";
import { OnsiteCheckModal } from "./OnsiteCheckModal";

const gradeColors = { excellent: "green", qualified: "blue", unqualified: "red" } as const;

function GradeTag({ grade }: { grade: GradingLine["grade"] }) {
  const { pick, t } = useI18n();
  if (!grade) return <Tag color="gold">{t("grading.tied")}</Tag>;
  const label = grades.find((candidate) => candidate.code === grade)!;
  return (
    <Tag color={gradeColors[grade]} data-testid="grade-tag">
      {pick(label.nameZh, label.nameEn)}
    </Tag>
  );
}

/**
 * 考核评定 (Art. 22–25) on the round page, for the officer who grades: the grades the rules propose (ties at the
 * 优秀 cut to tick), what holds the grading back, on-site checks, the confirmation, publication to the units, funding
 * by grade and the two Excel lists. Every action is one the server lists in `availableActions`.
 */
export function GradingCard({ roundId }: { roundId: string }) {
  const { t, pick, date, number } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const [chosen, setChosen] = useState<string[]>([]);
  const [checking, setChecking] = useState(false);
  const [funding, setFunding] = useState(false);
  const view = useQuery({ queryKey: ["grading", roundId], queryFn: () => gradingApi.view(roundId) });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ["grading", roundId] });
    void client.invalidateQueries({ queryKey: ["annual-reports"] });
    void client.invalidateQueries({ queryKey: ["evaluation-rounds"] });
  };
  const confirm = useMutation({
    mutationFn: () => gradingApi.confirm(roundId, { excellentAtTie: chosen, version: view.data!.version }),
    onSuccess: ({ graded }) => {
      feedback.done(t("grading.confirmed", { n: number(graded) }));
      refresh();
    },
    onError: (error) => feedback.fail(error),
  });
  const publish = useMutation({
    mutationFn: () => gradingApi.publish(roundId, view.data!.version),
    onSuccess: ({ published }) => {
      feedback.done(t("grading.published", { n: number(published) }));
      refresh();
    },
    onError: (error) => feedback.fail(error),
  });
  if (view.isError) return <QueryError error={view.error} onRetry={() => view.refetch()} />;
  const data = view.data;
  const can = (action: NonNullable<typeof data>["availableActions"][number]) =>
    data?.availableActions.includes(action) ?? false;
  const tie = data?.tie;
  return (
    <Card
      title={t("grading.title")}
      loading={!data}
      style={{ marginTop: 16 }}
      data-testid="grading-card"
      extra={
        data ? (
          <Space wrap>
            {can("record-onsite-check") ? (
              <Button onClick={() => setChecking(true)} data-testid="grading-record-check">
                {t("grading.recordCheck")}
              </Button>
            ) : null}
            {can("confirm") ? (
              <Popconfirm
                title={t("grading.confirm")}
                description={<div style={{ maxWidth: 320 }}>{t("grading.confirmHint")}</div>}
                onConfirm={() => confirm.mutateAsync().catch(() => undefined)}
                okButtonProps={{ "data-testid": "grading-confirm-ok" } as never}
              >
                <Button type="primary" loading={confirm.isPending} data-testid="grading-confirm">
                  {t("grading.confirm")}
                </Button>
              </Popconfirm>
            ) : null}
            {can("set-funding") ? (
              <Button onClick={() => setFunding(true)} data-testid="grading-funding">
                {t("grading.funding")}
              </Button>
            ) : null}
            {can("publish") ? (
              <Popconfirm
                title={t("grading.publish")}
                description={<div style={{ maxWidth: 320 }}>{t("grading.publishHint")}</div>}
                onConfirm={() => publish.mutateAsync().catch(() => undefined)}
                okButtonProps={{ "data-testid": "grading-publish-ok" } as never}
              >
                <Button loading={publish.isPending} data-testid="grading-publish">
                  {t("grading.publish")}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        ) : null
      }
    >
      {data ? (
        <Space direction="vertical" style={{ width: "100%" }} size="middle">
          <Typography.Text type="secondary">
            {t("grading.rules", {
              slots: number(data.excellentSlots),
              share: number(data.cutoffs.excellentShare * 100),
              min: number(data.cutoffs.excellentMinimumScore),
              below: number(data.cutoffs.unqualifiedBelow),
              edition: data.edition,
            })}{" "}
            {data.confirmed ? t("grading.confirmedAt", { date: date(data.gradedAt) }) : t("grading.proposed")}{" "}
            {data.publishedAt ? t("grading.publishedAt", { date: date(data.publishedAt) }) : null}
          </Typography.Text>
          {data.blockers.length > 0 ? (
            <Alert
              type="warning"
              showIcon
              data-testid="grading-blockers"
              title={t("grading.blockers")}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {data.blockers.map((blocker) => (
                    <li key={blocker.path}>{pick(blocker.messageZh, blocker.messageEn)}</li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {tie && !data.confirmed ? (
            <Alert
              type="info"
              showIcon
              title={t("grading.tie", {
                score: number(tie.score),
                n: number(tie.baseIds.length),
                slots: number(tie.slotsLeft),
              })}
            />
          ) : null}
          {data.confirmed ? (
            <Space wrap>
              <a href={gradingApi.exportUrl(roundId, "funding")} data-testid="grading-export-funding">
                {t("grading.exportFunding")}
              </a>
              <a href={gradingApi.exportUrl(roundId, "excellent")} data-testid="grading-export-excellent">
                {t("grading.exportExcellent")}
              </a>
            </Space>
          ) : null}
          <Table<GradingLine>
            rowKey="baseId"
            size="small"
            pagination={false}
            dataSource={data.lines}
            scroll={{ x: 900 }}
            columns={[
              {
                title: t("grading.col.base"),
                key: "base",
                render: (_, line) => (
                  <Space direction="vertical" size={0}>
                    <span>{line.baseName}</span>
                    <Typography.Text type="secondary">{line.unitName}</Typography.Text>
                    <Space size={4}>
                      <ReportStateTag state={line.reportState as never} />
                      <Tag>
                        {pick(
                          baseLifecycle.stateLabels[line.baseState as BaseState]?.zh ?? line.baseState,
                          baseLifecycle.stateLabels[line.baseState as BaseState]?.en ?? line.baseState,
                        )}
                      </Tag>
                    </Space>
                  </Space>
                ),
              },
              {
                title: t("grading.col.score"),
                dataIndex: "score",
                width: 80,
                align: "right",
                render: (score: number | null) => (score === null ? "—" : score.toFixed(2)),
              },
              {
                title: t("grading.col.grade"),
                key: "grade",
                width: 130,
                render: (_, line) =>
                  line.tiedAtCut && !data.confirmed ? (
                    <Checkbox
                      checked={chosen.includes(line.baseId)}
                      data-testid="grading-tie-choice"
                      onChange={(event) =>
                        setChosen((current) =>
                          event.target.checked ? [...current, line.baseId] : current.filter((id) => id !== line.baseId),
                        )
                      }
                    >
                      <GradeTag grade={null} />
                    </Checkbox>
                  ) : (
                    <Space size={4} wrap>
                      <GradeTag grade={line.grade} />
                      {line.fraudFound ? <Tag color="volcano">{t("grading.fraud")}</Tag> : null}
                    </Space>
                  ),
              },
              {
                title: t("grading.col.reason"),
                key: "reason",
                render: (_, line) => pick(line.reasonZh, line.reasonEn),
              },
              ...(data.confirmed
                ? [
                    {
                      title: t("grading.col.funding"),
                      key: "funding",
                      width: 130,
                      align: "right" as const,
                      render: (_: unknown, line: GradingLine) =>
                        line.fundingYuan === null ? "—" : number(line.fundingYuan),
                    },
                  ]
                : [
                    {
                      title: t("grading.col.consequence"),
                      key: "consequence",
                      render: (_: unknown, line: GradingLine) =>
                        line.consequenceZh ? pick(line.consequenceZh, line.consequenceEn ?? line.consequenceZh) : "—",
                    },
                  ]),
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t("grading.checks")}
          </Typography.Title>
          <List
            size="small"
            locale={{ emptyText: t("grading.noChecks") }}
            dataSource={data.onsiteChecks}
            renderItem={(check) => (
              <List.Item data-testid="grading-check">
                <Space wrap>
                  <span>{date(check.checkedOn)}</span>
                  <span>{data.lines.find((line) => line.reportId === check.reportId)?.baseName}</span>
                  <span>{check.findings}</span>
                  {check.fraudFound ? <Tag color="volcano">{t("grading.fraud")}</Tag> : null}
                  <Typography.Text type="secondary">{check.recordedByName}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
          <OnsiteCheckModal
            open={checking}
            roundId={roundId}
            lines={data.lines.filter((line) =>
              ["submitted", "under-evaluation", "correction-window"].includes(line.reportState),
            )}
            onClose={(saved) => {
              setChecking(false);
              if (saved) refresh();
            }}
          />
          <FundingModal
            open={funding}
            roundId={roundId}
            version={data.version}
            initial={data.funding}
            onClose={(saved) => {
              setFunding(false);
              if (saved) refresh();
            }}
          />
        </Space>
      ) : null}
    </Card>
  );
}
