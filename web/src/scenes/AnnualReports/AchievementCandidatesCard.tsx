import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, List, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { type AchievementProject, achievementsApi } from "../../api/achievements";
import { useI18n } from "../../i18n/I18nProvider";
import { PublishAchievementModal } from "./PublishAchievementModal";

/**
 * The report's joint R&D projects as candidates for 重大联合研发成果 (Art. 16.4). The publish buttons appear exactly
 * when the server offers `publish`; to the department, when it cannot, the server's reason. Readers who can do
 * nothing here and see nothing published see no card.
 */
export function AchievementCandidatesCard({ reportId }: { reportId: string }) {
  const { t, pick } = useI18n();
  const candidates = useQuery({
    queryKey: ["achievement-candidates", reportId],
    queryFn: () => achievementsApi.candidates(reportId),
  });
  const [chosen, setChosen] = useState<{ project: AchievementProject | null } | null>(null);
  const data = candidates.data;
  if (!data) return null;
  const mayPublish = data.availableActions.includes("publish");
  const anyPublished = data.projects.some((project) => project.publishedId !== null);
  if (!mayPublish && !data.publishRefusal && !anyPublished) return null;
  return (
    <Card
      size="small"
      title={t("achievements.candidates.title")}
      style={{ marginTop: 16 }}
      data-testid="achievement-candidates"
      extra={
        mayPublish ? (
          <Button size="small" onClick={() => setChosen({ project: null })} data-testid="achievement-blank">
            {t("achievements.candidates.blank")}
          </Button>
        ) : null
      }
    >
      {data.publishRefusal ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={pick(data.publishRefusal.messageZh, data.publishRefusal.messageEn)}
          data-testid="achievement-refusal"
        />
      ) : mayPublish ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t("achievements.candidates.hint")}
        </Typography.Paragraph>
      ) : null}
      <List
        size="small"
        dataSource={data.projects}
        locale={{ emptyText: t("achievements.candidates.empty") }}
        renderItem={(project) => (
          <List.Item
            data-testid={`achievement-project-${project.index}`}
            actions={[
              project.publishedId ? (
                <Tag color="green" key="published">
                  {t("achievements.candidates.published")}
                </Tag>
              ) : mayPublish ? (
                <Button
                  key="publish"
                  type="link"
                  onClick={() => setChosen({ project })}
                  data-testid={`achievement-publish-${project.index}`}
                >
                  {t("achievements.candidates.publish")}
                </Button>
              ) : null,
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  <span>{project.title}</span>
                  {project.lead ? <Tag>{t("achievements.candidates.lead")}</Tag> : null}
                </Space>
              }
              description={`${project.partner}（${pick(project.countryNameZh, project.countryNameEn)}）`}
            />
          </List.Item>
        )}
      />
      <PublishAchievementModal
        open={chosen !== null}
        reportId={reportId}
        project={chosen?.project ?? null}
        onClose={() => setChosen(null)}
      />
    </Card>
  );
}
