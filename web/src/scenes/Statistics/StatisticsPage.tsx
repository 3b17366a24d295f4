import { DownloadOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Col, Row, Spin, Statistic, Typography } from "antd";
import { Link } from "react-router";
import { statisticsApi } from "../../api/statistics";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { ChartCard } from "./ChartCard";

/**
 * 统计分析 (issue 13 item 2): the department's charts of the province, a recommender's of its jurisdiction — the
 * server decides the scope and the numbers; every chart has a table view and an Excel export.
 */
export function StatisticsPage() {
  const { t, pick, date } = useI18n();
  const query = useQuery({ queryKey: ["statistics"], queryFn: () => statisticsApi.get() });
  const data = query.data;
  return (
    <>
      <PageHeader
        title={t("nav.statistics")}
        intro={t("statistics.intro")}
        extra={
          <Button icon={<DownloadOutlined />} href={statisticsApi.exportUrl()} data-testid="statistics-export-all">
            {t("statistics.exportAll")}
          </Button>
        }
      />
      {query.isError ? <QueryError error={query.error} onRetry={() => query.refetch()} /> : null}
      {!data ? (
        query.isPending ? (
          <Spin size="large" style={{ display: "block", margin: "48px auto" }} />
        ) : null
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Typography.Text type="secondary" data-testid="statistics-scope">
              {t("statistics.scope", { scope: pick(data.scope.labelZh, data.scope.labelEn), today: date(data.today) })}
            </Typography.Text>
            <Row gutter={[16, 8]} style={{ marginTop: 8 }}>
              {(
                [
                  ["currentBases", data.totals.currentBases],
                  ["applications", data.totals.applications],
                  ["partnerCountries", data.totals.partnerCountries],
                  ["beltAndRoadCountries", data.totals.beltAndRoadCountries],
                ] as const
              ).map(([key, value]) => (
                <Col key={key} xs={12} md={6}>
                  <Statistic
                    title={t(`statistics.totals.${key}`)}
                    value={value}
                    data-testid={`statistics-total-${key}`}
                  />
                </Col>
              ))}
            </Row>
          </Card>
          <Row gutter={[16, 16]}>
            {data.charts.map((chart) => (
              <Col key={chart.key} xs={24} xl={12}>
                <ChartCard chart={chart} />
                {chart.key === "deadlines" ? (
                  <div style={{ marginTop: 4 }}>
                    <Link to="/deadlines">{t("statistics.deadlinesLink")}</Link>
                  </div>
                ) : null}
              </Col>
            ))}
          </Row>
        </>
      )}
    </>
  );
}
