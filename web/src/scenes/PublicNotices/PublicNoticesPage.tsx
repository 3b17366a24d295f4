import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Flex, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { useLocation } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { PublicPage } from "../../components/PublicPage";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { PublicObjectionModal } from "./PublicObjectionModal";
import { type PublicNotice, type PublicNoticeCandidate, publicNoticesApi } from "./public-notices-api";

/**
 * The 公示 for everyone (Art. 14.3), no sign-in: each running notice with its dates and candidates, and an
 * objection form per candidate; ended notices stay listed (the archive), marked ended, closed to objections.
 */
export function PublicNoticesPage() {
  const { t } = useI18n();
  const notices = useQuery({ queryKey: ["public-notices"], queryFn: publicNoticesApi.list });
  const [objectTo, setObjectTo] = useState<{ notice: PublicNotice; candidate: PublicNoticeCandidate } | null>(null);
  const items = notices.data?.items ?? [];
  const running = items.filter((notice) => notice.status === "running");
  const ended = items.filter((notice) => notice.status === "ended");
  const { hash } = useLocation();
  // A link from 通知公告 names one notice (#notice-<id>): shown once the list has loaded.
  useEffect(() => {
    if (hash && notices.isSuccess) document.getElementById(hash.slice(1))?.scrollIntoView({ block: "start" });
  }, [hash, notices.isSuccess]);

  return (
    <PublicPage>
      <PageHeader title={t("publicNotices.title")} intro={t("publicNotices.intro")} />
      <Alert
        type="warning"
        showIcon
        title={t("publicNotices.rules")}
        style={{ marginBottom: 16 }}
        data-testid="notices-rules"
      />
      {notices.isError ? <QueryError error={notices.error} onRetry={() => notices.refetch()} /> : null}
      {notices.isSuccess && items.length === 0 ? (
        <Card>
          <Empty description={t("publicNotices.empty")} />
        </Card>
      ) : null}
      {running.map((notice) => (
        <NoticeCard key={notice.id} notice={notice} onObject={(candidate) => setObjectTo({ notice, candidate })} />
      ))}
      {ended.length > 0 ? (
        <>
          <Typography.Title level={5} type="secondary" style={{ marginTop: 24 }}>
            {t("publicNotices.endedArchive")}
          </Typography.Title>
          {ended.map((notice) => (
            <NoticeCard key={notice.id} notice={notice} />
          ))}
        </>
      ) : null}
      <PublicObjectionModal
        notice={objectTo?.notice ?? null}
        candidate={objectTo?.candidate ?? null}
        onClose={() => {
          setObjectTo(null);
          void notices.refetch();
        }}
      />
    </PublicPage>
  );
}

function NoticeCard({
  notice,
  onObject,
}: {
  notice: PublicNotice;
  onObject?: (candidate: PublicNoticeCandidate) => void;
}) {
  const { t, date, pick } = useI18n();
  const running = notice.status === "running";
  return (
    <Card
      id={`notice-${notice.id}`}
      style={{ marginBottom: 16, scrollMarginTop: 16 }}
      data-testid={`public-notice-${notice.id}`}
      title={
        <Flex gap={8} align="center" wrap>
          <span style={{ whiteSpace: "normal" }}>{notice.title}</span>
          <Tag color={running ? "processing" : "default"}>
            {t(running ? "publicNotices.running" : "publicNotices.ended")}
          </Tag>
        </Flex>
      }
    >
      <Typography.Paragraph data-testid={`public-notice-period-${notice.id}`}>
        {t("publicNotices.period", {
          start: date(notice.startOn),
          end: date(notice.endOn),
          days: notice.workingDays,
        })}
      </Typography.Paragraph>
      <Table<PublicNoticeCandidate>
        rowKey="applicationId"
        size="small"
        pagination={false}
        dataSource={notice.candidates}
        columns={[
          { title: t("publicNotices.index"), key: "index", width: 64, render: (_, __, index) => index + 1 },
          { title: t("publicNotices.name"), dataIndex: "standardName" },
          { title: t("publicNotices.unit"), dataIndex: "unitName", width: 240 },
          {
            title: t("publicNotices.type"),
            key: "type",
            width: 120,
            render: (_, candidate) => pick(candidate.typeZh, candidate.typeEn),
          },
          { title: t("publicNotices.field"), dataIndex: "field", width: 140 },
          {
            title: t("publicNotices.actions"),
            key: "actions",
            width: 120,
            render: (_, candidate) =>
              candidate.acceptsObjections && onObject ? (
                <Button
                  size="small"
                  onClick={() => onObject(candidate)}
                  data-testid={`objection-open-${candidate.applicationId}`}
                >
                  {t("publicNotices.object")}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t("publicNotices.closed")}</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}
