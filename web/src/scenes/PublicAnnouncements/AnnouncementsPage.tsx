import { useQuery } from "@tanstack/react-query";
import { Card, Empty, Flex, List, Tag, Typography } from "antd";
import { Link } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { PublicPage } from "../../components/PublicPage";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { type AnnouncementItem, announcementsApi } from "./announcements-api";

/**
 * 通知公告 (SPEC §1 "public"): the department's published call notices and the 公示, newest first, open to everyone;
 * a 公示 stays listed after it ends, marked 已结束 with its dates.
 */
export function AnnouncementsPage() {
  const { t } = useI18n();
  const list = useQuery({ queryKey: ["public-announcements"], queryFn: announcementsApi.list });
  return (
    <PublicPage>
      <PageHeader title={t("publicSite.announcements.title")} intro={t("publicSite.announcements.intro")} />
      <Card>
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <List<AnnouncementItem>
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={t("publicSite.announcements.empty")} /> }}
          data-testid="announcements-list"
          renderItem={(item) => <AnnouncementRow item={item} />}
        />
      </Card>
    </PublicPage>
  );
}

function AnnouncementRow({ item }: { item: AnnouncementItem }) {
  const { t, date } = useI18n();
  const to = item.kind === "call" ? `/announcements/${item.id}` : `/notices#notice-${item.id}`;
  return (
    <List.Item data-testid={`announcement-${item.id}`}>
      <Flex vertical gap={4} style={{ width: "100%", minWidth: 0 }}>
        <Flex gap={8} align="center" wrap>
          <Tag color={item.kind === "call" ? "blue" : "purple"}>
            {t(item.kind === "call" ? "publicSite.announcements.kind.call" : "publicSite.announcements.kind.publicity")}
          </Tag>
          {item.kind === "publicity" ? (
            <Tag color={item.status === "running" ? "processing" : "default"}>
              {t(item.status === "running" ? "publicNotices.running" : "publicSite.announcements.ended")}
            </Tag>
          ) : null}
        </Flex>
        <Link to={to} style={{ fontSize: 16, overflowWrap: "anywhere" }} data-testid={`announcement-link-${item.id}`}>
          {item.title}
        </Link>
        <Typography.Text type="secondary">
          {item.kind === "call"
            ? t("publicSite.announcements.publishedOn", { date: date(item.on) })
            : t("publicSite.announcements.period", { start: date(item.on), end: date(item.endOn) })}
          {item.kind === "call" && item.attachmentCount > 0
            ? ` · ${t("publicSite.announcements.attachmentCount", { n: item.attachmentCount })}`
            : ""}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}
