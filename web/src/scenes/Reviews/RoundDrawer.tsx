import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Descriptions, Drawer, Empty, List, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { type Assignment, type Draw, reviewsApi } from "../../api/review";
import { ReasonModal } from "../../components/ReasonModal";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

/** One round: its draw attempts (seed, panel, backups, exclusions, replacements), members, aggregation. */
export function RoundDrawer({ roundId, onClose }: { roundId: string | null; onClose: () => void }) {
  const { t, language } = useI18n();
  const feedback = useFeedback();
  const queryClient = useQueryClient();
  const [reopen, setReopen] = useState<Assignment | null>(null);
  const enabled = roundId !== null;
  const round = useQuery({ queryKey: ["review", roundId], queryFn: () => reviewsApi.get(roundId!), enabled });
  const draws = useQuery({
    queryKey: ["review", roundId, "draws"],
    queryFn: () => reviewsApi.draws(roundId!),
    enabled,
  });
  const aggregation = useQuery({
    queryKey: ["review", roundId, "aggregation"],
    queryFn: () => reviewsApi.aggregation(roundId!),
    enabled,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ["review", roundId] });
  const runDraw = async () => {
    try {
      await reviewsApi.draw(roundId!);
      feedback.done(t("reviews.drawn"));
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ["reviews"] });
    } catch (error) {
      feedback.fail(error);
    }
  };
  const names = (people: Draw["panel"]) => people.map((p) => <Tag key={p.expertId}>{p.name}</Tag>);

  return (
    <Drawer open={enabled} onClose={onClose} width={880} title={round.data?.targetTitle} destroyOnHidden>
      {round.data ? (
        <Space direction="vertical" size="large" style={{ width: "100%" }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t("reviews.unit")}>{round.data.unitName}</Descriptions.Item>
            <Descriptions.Item label={t("reviews.status")}>
              {t(`reviews.status.${round.data.status}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t("reviews.panelOpinion")} span={2}>
              {round.data.panelOpinion ?? "—"}
            </Descriptions.Item>
          </Descriptions>
          {round.data.abilities.includes("draw.run") && round.data.status !== "completed" ? (
            <Button type="primary" onClick={runDraw} data-testid="round-draw">
              {t("reviews.draw")}
            </Button>
          ) : null}
          <Typography.Title level={5}>{t("reviews.draws")}</Typography.Title>
          <List
            dataSource={draws.data?.items ?? []}
            locale={{ emptyText: <Empty /> }}
            renderItem={(draw) => (
              <List.Item
                extra={
                  <Button size="small" href={reviewsApi.recordUrl(draw.id)} target="_blank">
                    {t("reviews.record")}
                  </Button>
                }
              >
                <Space direction="vertical" size={4}>
                  <span>
                    {t("reviews.attempt", { n: String(draw.attempt) })} · <Tag>{draw.status}</Tag> {t("reviews.seed")}{" "}
                    <code>{draw.seed}</code>
                  </span>
                  {draw.refusal ? (
                    <Typography.Text type="danger">
                      {language === "zh" ? draw.refusal.messageZh : draw.refusal.messageEn}
                    </Typography.Text>
                  ) : (
                    <>
                      <span>
                        {t("reviews.panel")}：{names(draw.panel)} {t("reviews.backups")}：{names(draw.backups)}
                      </span>
                      {draw.replacements.length ? (
                        <span>
                          {t("reviews.replacements")}：{draw.replacements.map((r) => `${r.reason}`).join("，")}
                        </span>
                      ) : null}
                    </>
                  )}
                  {draw.exclusions.length ? (
                    <Typography.Text type="secondary">
                      {t("reviews.exclusions")}：
                      {draw.exclusions
                        .map((e) => `${e.name}（${language === "zh" ? e.reasonZh : e.reasonEn}）`)
                        .join("；")}
                    </Typography.Text>
                  ) : null}
                </Space>
              </List.Item>
            )}
          />
          <Typography.Title level={5}>{t("reviews.assignments")}</Typography.Title>
          <Table<Assignment>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={round.data.assignments}
            columns={[
              { title: t("expert.name"), dataIndex: "expertName" },
              {
                title: t("reviews.status"),
                dataIndex: "statusLabelZh",
                render: (label: string, a) => (
                  <>
                    {label} {a.role === "leader" ? <Tag color="gold">{t("portal.leader")}</Tag> : null}
                  </>
                ),
              },
              { title: t("reviews.total"), dataIndex: "total", render: (v: number | null) => v ?? "—" },
              {
                title: t("table.actions"),
                key: "actions",
                render: (_, a) =>
                  a.events.includes("reopen") ? (
                    <Button size="small" onClick={() => setReopen(a)}>
                      {t("reviews.reopen")}
                    </Button>
                  ) : null,
              },
            ]}
          />
          <Typography.Title level={5}>{t("reviews.aggregation")}</Typography.Title>
          {aggregation.data?.score != null ? (
            <Space direction="vertical">
              <span>
                {t("reviews.score")}：<strong data-testid="round-score">{aggregation.data.score.toFixed(2)}</strong>（
                {t(`reviews.method.${aggregation.data.method ?? "mean"}`)}）
              </span>
              <Table
                rowKey="assignmentId"
                size="small"
                pagination={false}
                dataSource={aggregation.data.experts}
                columns={[
                  { title: t("expert.name"), dataIndex: "expertName" },
                  { title: t("reviews.total"), dataIndex: "total" },
                  { title: t("reviews.deviation"), dataIndex: "deviation" },
                  {
                    title: "",
                    key: "flag",
                    render: (_, e) => (e.flagged ? <Tag color="red">{t("reviews.flagged")}</Tag> : null),
                  },
                ]}
              />
            </Space>
          ) : (
            <Empty />
          )}
        </Space>
      ) : null}
      <ReasonModal
        open={reopen !== null}
        title={t("reviews.reopen")}
        required
        onCancel={() => setReopen(null)}
        onSubmit={async (reason) => {
          try {
            await reviewsApi.reopen(reopen!.id, reason ?? "");
            feedback.done(t("reviews.reopened"));
            setReopen(null);
            await refresh();
          } catch (error) {
            feedback.fail(error);
          }
        }}
      />
    </Drawer>
  );
}
