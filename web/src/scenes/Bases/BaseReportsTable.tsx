import { Table, Tag } from "antd";
import { Link } from "react-router";
import type { BaseReport } from "../../api/bases";
import { useI18n } from "../../i18n/I18nProvider";

/** The base's annual work reports the caller may read (Art. 18, 22), each opening the report's page. */
export function BaseReportsTable({ reports }: { reports: BaseReport[] }) {
  const { t, pick } = useI18n();
  return (
    <Table<BaseReport>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={reports}
      locale={{ emptyText: t("bases.reportsEmpty") }}
      data-testid="base-reports"
      columns={[
        {
          title: t("bases.reportYear"),
          dataIndex: "year",
          width: 140,
          render: (year: number, report) => (
            <Link to={`/annual-reports/${report.id}`} data-testid={`base-report-${report.id}`}>
              {t("bases.reportYearValue", { year })}
            </Link>
          ),
        },
        {
          title: t("bases.reportState"),
          key: "state",
          render: (_, report) => <Tag>{pick(report.stateZh, report.stateEn)}</Tag>,
        },
      ]}
    />
  );
}
