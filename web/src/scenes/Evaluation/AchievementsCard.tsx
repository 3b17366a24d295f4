import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, Flex, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { type Achievement, achievementsApi } from "../../api/achievements";
import { isApiError } from "../../api/errors";
import { QueryError } from "../../components/QueryError";
import { ReasonModal } from "../../components/ReasonModal";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

/**
 * The year's published major joint R&D achievements (Art. 16.4), for the department: each with its base, partner
 * and state, a link to the report it was selected from, and 撤回 when the server offers `withdraw`. A caller the
 * server refuses (403) sees no card.
 */
export function AchievementsCard({ year }: { year: number }) {
  const { t, pick, dateTime } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const list = useQuery({ queryKey: ["achievements", year], queryFn: () => achievementsApi.list(year) });
  const [withdrawing, setWithdrawing] = useState<Achievement | null>(null);
  const withdraw = useMutation({
    mutationFn: ({ achievement, reason }: { achievement: Achievement; reason: string }) =>
      achievementsApi.withdraw(achievement.id, achievement.version, reason),
    onSuccess: () => {
      feedback.done(t("achievements.withdrawn"));
      setWithdrawing(null);
    },
    onError: (error) => feedback.fail(error),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ["achievements"] });
      void client.invalidateQueries({ queryKey: ["achievement-candidates"] });
    },
  });
  if (list.isError && isApiError(list.error) && list.error.status === 403) return null;
  return (
    <Card
      title={t("achievements.list.title", { year })}
      style={{ marginTop: 16 }}
      loading={list.isLoading}
      data-testid="achievements-card"
    >
      {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
      <Table<Achievement>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={list.data?.items}
        locale={{ emptyText: t("achievements.list.empty") }}
        data-testid="achievements-table"
        columns={[
          {
            title: t("achievements.list.name"),
            key: "title",
            render: (_, row) => (
              <Flex vertical>
                <Typography.Text strong>{row.title}</Typography.Text>
                <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
                  {row.summary}
                </Typography.Paragraph>
              </Flex>
            ),
          },
          {
            title: t("achievements.list.base"),
            key: "base",
            width: 240,
            render: (_, row) => (
              <Flex vertical>
                <span>{row.baseName}</span>
                <Typography.Text type="secondary">{row.unitName}</Typography.Text>
              </Flex>
            ),
          },
          {
            title: t("achievements.list.partner"),
            key: "partner",
            width: 200,
            render: (_, row) =>
              [row.partner, row.countryNameZh && pick(row.countryNameZh, row.countryNameEn ?? row.countryNameZh)]
                .filter(Boolean)
                .join(" · "),
          },
          {
            title: t("achievements.list.publishedAt"),
            key: "publishedAt",
            width: 160,
            render: (_, row) => (
              <Flex vertical>
                <span>{dateTime(row.publishedAt)}</span>
                {row.publishedByName ? <Typography.Text type="secondary">{row.publishedByName}</Typography.Text> : null}
              </Flex>
            ),
          },
          {
            title: t("achievements.list.state"),
            key: "state",
            width: 100,
            render: (_, row) =>
              row.withdrawnAt ? (
                <Tag data-testid={`achievement-state-${row.id}`}>{t("achievements.list.withdrawn")}</Tag>
              ) : (
                <Tag color="green" data-testid={`achievement-state-${row.id}`}>
                  {t("achievements.list.live")}
                </Tag>
              ),
          },
          {
            title: "",
            key: "actions",
            width: 150,
            render: (_, row) => (
              <Space>
                <Link to={`/annual-reports/${row.reportId}`}>{t("achievements.list.report")}</Link>
                {row.availableActions.includes("withdraw") ? (
                  <Button
                    size="small"
                    danger
                    onClick={() => setWithdrawing(row)}
                    data-testid={`achievement-withdraw-${row.id}`}
                  >
                    {t("achievements.withdraw")}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <ReasonModal
        open={withdrawing !== null}
        title={t("achievements.withdraw.title")}
        description={t("achievements.withdraw.description")}
        required
        danger
        loading={withdraw.isPending}
        onCancel={() => setWithdrawing(null)}
        onSubmit={(reason) => {
          if (withdrawing && reason) withdraw.mutate({ achievement: withdrawing, reason });
        }}
      />
    </Card>
  );
}
