import { CheckOutlined } from "@ant-design/icons";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge, Button, Card, Flex, Segmented, Table, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { homeApi } from "../../api/endpoints";
import type { Notification } from "../../api/types";
import { unreadKey } from "../../components/layout/NotificationBell";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

/** The caller's notifications; reading one or all updates the bell. */
export function NotificationsPage() {
  const { t, pick, dateTime, number } = useI18n();
  const client = useQueryClient();
  const feedback = useFeedback();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState({ current: 1, size: 20 });
  const list = useQuery({
    queryKey: ["notifications", { unreadOnly, ...page }],
    queryFn: () => homeApi.notifications({ unread: unreadOnly || undefined, page: page.current, pageSize: page.size }),
    placeholderData: keepPreviousData,
  });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ["notifications"] });
    void client.invalidateQueries({ queryKey: unreadKey });
    void client.invalidateQueries({ queryKey: ["dashboard"] });
  };
  const markRead = useMutation({ mutationFn: homeApi.markRead, onSuccess: refresh, onError: (e) => feedback.fail(e) });
  const markAll = useMutation({
    mutationFn: homeApi.markAllRead,
    onSuccess: () => {
      feedback.done(t("notifications.allRead"));
      refresh();
    },
    onError: (e) => feedback.fail(e),
  });

  return (
    <>
      <PageHeader
        title={t("nav.notifications")}
        extra={
          <Button
            icon={<CheckOutlined />}
            onClick={() => markAll.mutate()}
            loading={markAll.isPending}
            disabled={!list.data?.unread}
            data-testid="notifications-read-all"
          >
            {t("notifications.readAll")}
          </Button>
        }
      />
      <Card>
        <Segmented<"all" | "unread">
          value={unreadOnly ? "unread" : "all"}
          onChange={(value) => {
            setUnreadOnly(value === "unread");
            setPage((p) => ({ ...p, current: 1 }));
          }}
          options={[
            { value: "all", label: t("notifications.all") },
            { value: "unread", label: `${t("notifications.unread")}（${number(list.data?.unread ?? 0)}）` },
          ]}
          style={{ marginBottom: 16 }}
        />
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<Notification>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items}
          locale={{ emptyText: t("notifications.empty") }}
          pagination={{
            current: page.current,
            pageSize: page.size,
            total: list.data?.total ?? 0,
            showTotal: (total) => t("table.total", { n: number(total) }),
            onChange: (current, size) => setPage({ current, size }),
          }}
          columns={[
            {
              title: t("notifications.title"),
              key: "title",
              render: (_, n) => (
                <Flex vertical gap={2}>
                  <Flex gap={8} align="center">
                    {n.readAt ? null : <Badge status="processing" />}
                    <Typography.Text strong={!n.readAt}>
                      {n.link ? <Link to={n.link}>{pick(n.titleZh, n.titleEn)}</Link> : pick(n.titleZh, n.titleEn)}
                    </Typography.Text>
                  </Flex>
                  <Typography.Text type="secondary">{pick(n.bodyZh, n.bodyEn)}</Typography.Text>
                </Flex>
              ),
            },
            { title: t("notifications.time"), dataIndex: "createdAt", width: 200, render: (v: string) => dateTime(v) },
            {
              title: t("table.actions"),
              key: "actions",
              width: 110,
              render: (_, n) =>
                n.readAt ? (
                  <Typography.Text type="secondary">{t("notifications.read")}</Typography.Text>
                ) : (
                  <Button size="small" onClick={() => markRead.mutate(n.id)}>
                    {t("notifications.markRead")}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
