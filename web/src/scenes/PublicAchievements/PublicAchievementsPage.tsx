import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Empty, Flex, List, Segmented, Tag, Typography } from "antd";
import { Link, useSearchParams } from "react-router";
import { achievementsApi, type PublicAchievement } from "../../api/achievements";
import { PageHeader } from "../../components/PageHeader";
import { PublicPage } from "../../components/PublicPage";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";

const allYears = "all";

/**
 * 国际科技合作重大成果 (Art. 16.4): the achievements the department selected and published, newest first, by year
 * (the year in the URL). No sign-in; a withdrawn achievement is not sent by the server at all.
 */
export function PublicAchievementsPage() {
  const { t, pick, date } = useI18n();
  const [params, setParams] = useSearchParams();
  const yearParam = Number(params.get("year"));
  const year = Number.isInteger(yearParam) && yearParam > 0 ? yearParam : undefined;
  const list = useQuery({
    queryKey: ["public-achievements", year],
    queryFn: () => achievementsApi.published(year),
    placeholderData: keepPreviousData,
  });
  // The year tabs come from the unfiltered list, so choosing a year keeps the others offered.
  const years = useQuery({ queryKey: ["public-achievements", undefined], queryFn: () => achievementsApi.published() });
  const yearOptions = [
    { value: allYears, label: t("achievements.public.allYears") },
    ...(years.data?.years ?? []).map((value) => ({
      value: String(value),
      label: t("achievements.public.year", { year: value }),
    })),
  ];
  const country = (item: PublicAchievement) =>
    item.countryNameZh ? pick(item.countryNameZh, item.countryNameEn ?? item.countryNameZh) : null;
  return (
    <PublicPage>
      <PageHeader
        title={t("achievements.public.title")}
        intro={t("achievements.public.intro")}
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
        {yearOptions.length > 1 ? (
          <Segmented
            style={{ marginBottom: 16 }}
            value={year === undefined ? allYears : String(year)}
            options={yearOptions}
            onChange={(value) => setParams(value === allYears ? {} : { year: String(value) }, { replace: true })}
            data-testid="achievements-years"
          />
        ) : null}
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <List<PublicAchievement>
          loading={list.isFetching}
          dataSource={list.data?.items}
          data-testid="public-achievements"
          locale={{ emptyText: <Empty description={t("achievements.public.empty")} /> }}
          renderItem={(item) => (
            <List.Item key={item.id} data-testid={`public-achievement-${item.id}`}>
              <Flex vertical gap={4} style={{ width: "100%" }}>
                <Flex gap={8} align="center" wrap>
                  <Tag color="blue">{t("achievements.public.year", { year: item.year })}</Tag>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {item.title}
                  </Typography.Text>
                </Flex>
                <Typography.Paragraph style={{ marginBottom: 0 }}>{item.summary}</Typography.Paragraph>
                <Typography.Text type="secondary">
                  {t("achievements.public.base", { base: item.baseName, unit: item.unitName })}
                  {item.partner || country(item)
                    ? ` · ${t("achievements.public.partner", {
                        value: [item.partner, country(item)].filter(Boolean).join("，"),
                      })}`
                    : ""}
                  {` · ${t("achievements.public.publishedOn", { date: date(item.publishedOn) })}`}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </PublicPage>
  );
}
