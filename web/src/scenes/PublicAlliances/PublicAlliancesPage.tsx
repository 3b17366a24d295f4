import { useQuery } from "@tanstack/react-query";
import { Button, Card, Empty, Flex, List, Tag, Typography } from "antd";
import { Link } from "react-router";
import { alliancesApi, type PublicAlliance } from "../../api/alliances";
import { PageHeader } from "../../components/PageHeader";
import { PublicPage } from "../../components/PublicPage";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";

/** 省国合基地联盟 (Art. 27), public: each alliance with its lead base, current members and activities — names only. */
export function PublicAlliancesPage() {
  const { t, pick, date } = useI18n();
  const list = useQuery({ queryKey: ["public-alliances"], queryFn: alliancesApi.published });
  return (
    <PublicPage>
      <PageHeader
        title={t("alliances.public.title")}
        intro={t("alliances.public.intro")}
        extra={
          <>
            <Link to="/registry">
              <Button>{t("achievements.public.registry")}</Button>
            </Link>
            <Link to="/login">
              <Button>{t("registry.login")}</Button>
            </Link>
          </>
        }
      />
      <Card>
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <List<PublicAlliance>
          loading={list.isLoading}
          dataSource={list.data?.items}
          data-testid="public-alliances"
          locale={{ emptyText: <Empty description={t("alliances.empty")} /> }}
          renderItem={(item) => (
            <List.Item key={item.id} data-testid={`public-alliance-${item.id}`}>
              <Flex vertical gap={4} style={{ width: "100%" }}>
                <Flex gap={8} align="center" wrap>
                  <Tag color="blue">{pick(item.kindZh, item.kindEn)}</Tag>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {item.name}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {t("alliances.public.founded", { date: date(item.foundedOn) })}
                  </Typography.Text>
                </Flex>
                {item.leadBaseName ? (
                  <Typography.Text>{t("alliances.public.lead", { name: item.leadBaseName })}</Typography.Text>
                ) : null}
                {item.description ? (
                  <Typography.Paragraph style={{ marginBottom: 0 }}>{item.description}</Typography.Paragraph>
                ) : null}
                <Typography.Text type="secondary">
                  {t("alliances.public.members", { count: item.members.length })}
                  {t("punct.colon")}
                  {item.members.map((member) => member.baseName).join("、")}
                </Typography.Text>
                {item.activities.length > 0 ? (
                  <List
                    size="small"
                    dataSource={item.activities}
                    renderItem={(activity) => (
                      <List.Item>
                        {date(activity.heldOn)} {activity.title}
                        {activity.summary ? ` — ${activity.summary}` : ""}
                      </List.Item>
                    )}
                  />
                ) : null}
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </PublicPage>
  );
}
