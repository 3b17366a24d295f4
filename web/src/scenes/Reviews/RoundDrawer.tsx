import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, Button, Descriptions, Drawer, Empty, List, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { referenceApi } from "../../api/endpoints";
import { type Assignment, type Draw, type Round, reviewsApi } from "../../api/review";
import { ReasonModal } from "../../components/ReasonModal";
import { titleLabel } from "../../components/reference-labels";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

/**
 * One round: its settings, draw attempts (seed, panel, backups, exclusions, replacements), members, aggregation.
 * The draw button appears when the server says a draw would run; a draw after the first needs a reason.
 */
export function RoundDrawer({ roundId, onClose }: { roundId: string | null; onClose: () => void }) {
  const { t, language, pick } = useI18n();
  const { message } = AntApp.useApp();
  const feedback = useFeedback();
  const queryClient = useQueryClient();
  const [reopen, setReopen] = useState<Assignment | null>(null);
  const [redraw, setRedraw] = useState(false);
  const [drawing, setDrawing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
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
  const attempted = (draws.data?.items.length ?? 0) > 0;
  const runDraw = async (reason?: string) => {
    setDrawing(true);
    try {
      const draw = await reviewsApi.draw(roundId!, reason);
      if (draw.refusal) {
        message.warning(
          t("reviews.drawRefused", { reason: language === "zh" ? draw.refusal.messageZh : draw.refusal.messageEn }),
        );
      } else feedback.done(t("reviews.drawn"));
      setRedraw(false);
      await refresh();
      await queryClient.invalidateQueries({ queryKey: ["reviews"] });
    } catch (error) {
      feedback.fail(error);
    } finally {
      setDrawing(false);
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
          {round.data.effectiveSettings ? <RoundSettings settings={round.data.effectiveSettings} /> : null}
          {round.data.abilities.includes("draw.run") ? (
            <Button
              type="primary"
              loading={drawing}
              disabled={draws.isPending}
              onClick={() => (attempted ? setRedraw(true) : runDraw())}
              data-testid="round-draw"
            >
              {attempted ? t("reviews.redraw") : t("reviews.draw")}
            </Button>
          ) : null}
          {round.data.abilities.includes("review.reopen") &&
          (round.data.status === "drawing" || round.data.status === "in-review") &&
          !round.data.assignments.some((a) => a.status === "submitted") ? (
            <Button danger onClick={() => setCancelling(true)} data-testid="round-cancel">
              {pick("撤销本轮评审", "Cancel this round")}
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
                    {t("reviews.attempt", { n: String(draw.attempt) })} ·{" "}
                    <Tag color={drawStatusColor[draw.status]}>{t(`reviews.drawStatus.${draw.status}`)}</Tag>{" "}
                    {t("reviews.seed")} <code>{draw.seed}</code>
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
                title: t("reviews.role"),
                dataIndex: "role",
                render: (role: Assignment["role"]) =>
                  role === "leader" ? <Tag color="gold">{t("reviews.role.leader")}</Tag> : t("reviews.role.member"),
              },
              { title: t("reviews.status"), dataIndex: "statusLabelZh" },
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
        open={redraw}
        title={t("reviews.redrawTitle")}
        description={t("reviews.redrawDescription")}
        okText={t("reviews.redraw")}
        required
        loading={drawing}
        onCancel={() => setRedraw(false)}
        onSubmit={(reason) => runDraw(reason)}
      />
      <ReasonModal
        open={cancelling}
        title={pick("撤销本轮评审", "Cancel this round")}
        description={pick(
          "撤销后本轮的抽取记录和邀请保留备查，已邀请的专家会收到通知；可为该评审对象重新发起评审。",
          "The round's draws and invitations stay on record and the invited experts are told; a new round can then be opened.",
        )}
        required
        danger
        onCancel={() => setCancelling(false)}
        onSubmit={async (reason) => {
          try {
            await reviewsApi.cancel(roundId!, reason ?? "");
            feedback.done(pick("已撤销本轮评审。", "The round is cancelled."));
            setCancelling(false);
            await refresh();
            await queryClient.invalidateQueries({ queryKey: ["reviews"] });
          } catch (error) {
            feedback.fail(error);
          }
        }}
      />
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

const drawStatusColor: Record<Draw["status"], string> = { current: "green", superseded: "default", failed: "red" };

/** The round's draw rules and aggregation as the server applies them (defaults filled in), read-only. */
function RoundSettings({ settings }: { settings: NonNullable<Round["effectiveSettings"]> }) {
  const { t, language, pick } = useI18n();
  const bundle = useQuery({ queryKey: ["reference", "bundle"], queryFn: referenceApi.bundle, staleTime: 3_600_000 });
  const fieldName = (nameZh: string) => {
    const field = bundle.data?.fields.find((entry) => entry.nameZh === nameZh);
    return field ? pick(field.nameZh, field.nameEn) : nameZh;
  };
  const { draw, aggregation } = settings;
  const none = t("reviews.settings.none");
  return (
    <Descriptions
      title={t("reviews.settings")}
      column={2}
      size="small"
      bordered
      data-testid="round-settings"
      items={[
        {
          key: "fields",
          label: t("reviews.settings.fields"),
          children: draw.fields.length ? draw.fields.map((field) => <Tag key={field}>{fieldName(field)}</Tag>) : none,
        },
        {
          key: "titles",
          label: t("reviews.settings.allowedTitles"),
          children: draw.allowedTitles.length
            ? draw.allowedTitles.map((title) => titleLabel(title, language)).join("、")
            : t("reviews.settings.anyTitle"),
        },
        {
          key: "panelSize",
          label: t("reviews.settings.panelSize"),
          children: `${draw.panelSize} ${t("reviews.settings.people")}`,
        },
        {
          key: "backups",
          label: t("reviews.settings.backups"),
          children: `${draw.backups} ${t("reviews.settings.people")}`,
        },
        {
          key: "collaborationYears",
          label: t("reviews.settings.collaborationYears"),
          children: `${draw.collaborationYears} ${t("reviews.settings.years")}`,
        },
        {
          key: "maxDrawsPerYear",
          label: t("reviews.settings.maxDrawsPerYear"),
          children: `${draw.maxDrawsPerYear} ${t("reviews.settings.times")}`,
        },
        {
          key: "statuses",
          label: t("reviews.settings.statuses"),
          children: draw.statuses.map((status) => t(`expert.status.${status}`)).join("、"),
        },
        {
          key: "pinned",
          label: t("reviews.settings.pinned"),
          children: draw.pinnedExclusions.length
            ? draw.pinnedExclusions.map((exclusion) => (
                <div key={exclusion.expertId}>
                  {exclusion.name}：{exclusion.reason}
                </div>
              ))
            : none,
        },
        {
          key: "method",
          label: t("reviews.settings.method"),
          children:
            aggregation.method === "auto"
              ? t("reviews.method.autoDetail", { n: aggregation.trimFrom })
              : t(`reviews.method.${aggregation.method}`),
        },
        {
          key: "deviation",
          label: t("reviews.settings.deviationThreshold"),
          children: `${aggregation.deviationThreshold} ${t("reviews.settings.points")}`,
        },
      ]}
    />
  );
}
