import { useQuery } from "@tanstack/react-query";
import { Button, Card, Table } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { type ChangeReportSummary, changeReportsApi } from "../../api/change-reports";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { ChangeReportDue, ChangeReportStateTag } from "../ChangeReports/change-report-labels";
import { NewChangeReportModal } from "../ChangeReports/NewChangeReportModal";

/**
 * The base's major changes (Art. 18.5) with their due dates, 逾期 flagged; the host unit of a base in the series
 * reports a new one from here (the server says whether it may: `canCreate`).
 */
export function ChangeReportsCard({ baseId }: { baseId: string }) {
  const { t, pick, date } = useI18n();
  const [creating, setCreating] = useState(false);
  const query = useQuery({
    queryKey: ["change-reports", "list", "base", baseId],
    queryFn: () => changeReportsApi.ofBase(baseId),
  });
  return (
    <Card
      title={t("changeReports.card")}
      style={{ marginTop: 16 }}
      data-testid="base-change-reports"
      extra={
        query.data?.canCreate ? (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="change-report-new">
            {t("changeReports.new")}
          </Button>
        ) : null
      }
    >
      {query.isError ? <QueryError error={query.error} onRetry={() => query.refetch()} /> : null}
      <Table<ChangeReportSummary>
        rowKey="id"
        size="small"
        loading={query.isLoading}
        dataSource={query.data?.items}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t("changeReports.card.empty") }}
        columns={[
          {
            title: t("changeReport.kind"),
            render: (_, row) => (
              <Link to={`/change-reports/${row.id}`} data-testid={`change-report-link-${row.id}`}>
                {pick(row.kindZh, row.kindEn)}
              </Link>
            ),
          },
          { title: t("changeReport.changedOn"), width: 140, render: (_, row) => date(row.changedOn) },
          { title: t("changeReport.dueOn"), width: 220, render: (_, row) => <ChangeReportDue row={row} /> },
          { title: t("changeReport.state"), width: 180, render: (_, row) => <ChangeReportStateTag row={row} /> },
        ]}
      />
      <NewChangeReportModal open={creating} baseId={baseId} onClose={() => setCreating(false)} />
    </Card>
  );
}
