import { PaperClipOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Descriptions, Divider, Flex, List, Typography } from "antd";
import { Link, useParams } from "react-router";
import { PublicPage } from "../../components/PublicPage";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { announcementsApi } from "./announcements-api";

/** Paragraphs of a notice's plain text: blank lines separate paragraphs, single line breaks stay. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One published call notice: its title, date, text and the attachments to download (no sign-in). */
export function AnnouncementPage() {
  const { id = "" } = useParams();
  const { t, date } = useI18n();
  const notice = useQuery({ queryKey: ["public-announcement", id], queryFn: () => announcementsApi.get(id) });
  const data = notice.data;
  return (
    <PublicPage>
      <Link to="/announcements" data-testid="announcement-back">
        {t("publicSite.announcements.back")}
      </Link>
      {notice.isError ? <QueryError error={notice.error} onRetry={() => notice.refetch()} /> : null}
      <Card loading={notice.isLoading} style={{ marginTop: 12 }}>
        {data ? (
          <article data-testid="announcement-detail">
            <Typography.Title level={3} style={{ textAlign: "center", overflowWrap: "anywhere" }}>
              {data.title}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ textAlign: "center" }}>
              {t("publicSite.announcements.publishedOn", { date: date(data.publishedOn) })}
            </Typography.Paragraph>
            <Divider />
            <div data-testid="announcement-body" style={{ maxWidth: 800, margin: "0 auto" }}>
              {paragraphs(data.bodyZh).map((paragraph) => (
                <Typography.Paragraph key={paragraph} style={{ whiteSpace: "pre-line", fontSize: 15, lineHeight: 1.9 }}>
                  {paragraph}
                </Typography.Paragraph>
              ))}
            </div>
            <Descriptions
              size="small"
              column={1}
              style={{ maxWidth: 800, margin: "16px auto 0" }}
              items={[
                {
                  key: "period",
                  label: t("publicSite.announcements.callPeriod"),
                  children: `${date(data.call.opensAt)} – ${date(data.call.closesAt)}`,
                },
                { key: "deadline", label: t("publicSite.announcements.deadline"), children: date(data.call.deadline) },
              ]}
            />
            {data.attachments.length > 0 ? (
              <div style={{ maxWidth: 800, margin: "16px auto 0" }}>
                <Typography.Title level={5}>{t("publicSite.announcements.attachments")}</Typography.Title>
                <List
                  size="small"
                  dataSource={data.attachments}
                  renderItem={(file) => (
                    <List.Item>
                      <Flex gap={8} align="center" wrap style={{ minWidth: 0 }}>
                        <PaperClipOutlined />
                        <a
                          href={announcementsApi.fileUrl(data.id, file.id)}
                          download={file.name}
                          style={{ overflowWrap: "anywhere" }}
                          data-testid={`announcement-file-${file.id}`}
                        >
                          {file.name}
                        </a>
                        <Typography.Text type="secondary">{fileSize(file.size)}</Typography.Text>
                      </Flex>
                    </List.Item>
                  )}
                />
              </div>
            ) : null}
            <Flex justify="center" style={{ marginTop: 24 }}>
              <Link to="/login">
                <Button type="primary">{t("publicSite.announcements.apply")}</Button>
              </Link>
            </Flex>
          </article>
        ) : null}
      </Card>
    </PublicPage>
  );
}
