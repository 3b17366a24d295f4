import { Card, Col, Row, Table, Tag } from "antd";
import type { MessageKey } from "../../i18n/dictionary";
import { useI18n } from "../../i18n/I18nProvider";
import type { Portfolio } from "./decision-api";

const dimensions = ["country", "field", "division", "type"] as const;
type Bucket = Portfolio["dimensions"]["country"][number];
type CandidateRow = Portfolio["candidates"][number];

/** 综合评议 (Art. 14.3): the layout by country, field, division and type, with and without each candidate. */
export function PortfolioTab({ portfolio }: { portfolio: Portfolio | undefined }) {
  const { t, pick } = useI18n();
  if (!portfolio) return null;
  return (
    <>
      <Row gutter={[16, 16]}>
        {dimensions.map((dimension) => (
          <Col key={dimension} xs={24} lg={12}>
            <Card size="small" title={t(`decisions.portfolio.${dimension}` as MessageKey)}>
              <Table<Bucket>
                rowKey="key"
                size="small"
                pagination={{ pageSize: 8, hideOnSinglePage: true }}
                dataSource={portfolio.dimensions[dimension]}
                data-testid={`portfolio-${dimension}`}
                columns={[
                  {
                    title: t(`decisions.portfolio.${dimension}` as MessageKey),
                    render: (_, b) => pick(b.labelZh, b.labelEn),
                  },
                  { title: t("decisions.portfolio.bases"), dataIndex: "bases", width: 90 },
                  { title: t("decisions.portfolio.candidates"), dataIndex: "candidates", width: 90 },
                ]}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" style={{ marginTop: 16 }} title={t("decisions.tab.candidates")}>
        <Table<CandidateRow>
          rowKey="applicationId"
          size="small"
          pagination={false}
          dataSource={portfolio.candidates}
          data-testid="portfolio-candidates"
          columns={[
            { title: t("decisions.name"), dataIndex: "standardName", width: 300 },
            { title: t("decisions.score"), key: "mean", width: 90, render: (_, r) => r.mean?.toFixed(2) ?? "—" },
            {
              title: `${t("decisions.portfolio.without")} → ${t("decisions.portfolio.with")}`,
              key: "deltas",
              render: (_, r) =>
                r.deltas.map((d) => (
                  <Tag key={`${d.dimension}:${d.key}`} color={d.fillsGap ? "green" : undefined}>
                    {pick(d.labelZh, d.labelEn)} {d.without} → {d.with}
                    {d.fillsGap ? `（${t("decisions.portfolio.gap")}）` : ""}
                  </Tag>
                )),
            },
          ]}
        />
      </Card>
    </>
  );
}
