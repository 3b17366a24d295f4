import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Checkbox, Select, Space, Table } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import {
  type ChangeReportState,
  changeReportLifecycle,
  changeReportStates,
  type MajorChangeKind,
  majorChangeKinds,
} from "../../../../policy/lifecycles/change-report.transitions";
import { type ChangeReportSummary, changeReportsApi } from "../../api/change-reports";
import { hasAbility, useMe } from "../../api/session";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { ChangeReportDue, ChangeReportStateTag } from "./change-report-labels";
import { NewChangeReportModal } from "./NewChangeReportModal";

const stateParam = (value: string | null): ChangeReportState | undefined =>
  (changeReportStates as readonly string[]).includes(value ?? "") ? (value as ChangeReportState) : undefined;
const kindParam = (value: string | null): MajorChangeKind | undefined =>
  majorChangeKinds.some((kind) => kind.code === value) ? (value as MajorChangeKind) : undefined;

/**
 * 重大事项变化 (Art. 18.5): the reports the caller's scope reaches — a host unit its own, a recommender its
 * jurisdiction's, the department all — soonest due first, overdue ones flagged; filters live in the URL.
 */
export function ChangeReportsPage() {
  const { t, pick, date } = useI18n();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const state = stateParam(params.get("state"));
  const kind = kindParam(params.get("kind"));
  const overdue = params.get("overdue") === "true";
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  const list = useQuery({
    queryKey: ["change-reports", "list", { state, kind, overdue }],
    queryFn: () =>
      changeReportsApi.list({
        ...(state ? { state } : {}),
        ...(kind ? { kind } : {}),
        ...(overdue ? { overdue: "true" as const } : {}),
      }),
    placeholderData: keepPreviousData,
  });
  const canCreate = me.data ? hasAbility(me.data, "change-report.create") : false;
  return (
    <>
      <PageHeader
        title={t("nav.changeReports")}
        intro={t("changeReports.intro")}
        extra={
          canCreate ? (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="change-report-new">
              {t("changeReports.new")}
            </Button>
          ) : null
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<ChangeReportState>
            allowClear
            placeholder={t("changeReports.allStates")}
            value={state}
            onChange={(picked) => setParam("state", picked)}
            style={{ width: 240 }}
            data-testid="change-report-state-filter"
            options={changeReportStates.map((value) => ({
              value,
              label: pick(changeReportLifecycle.stateLabels[value].zh, changeReportLifecycle.stateLabels[value].en),
            }))}
          />
          <Select<MajorChangeKind>
            allowClear
            placeholder={t("changeReports.allKinds")}
            value={kind}
            onChange={(picked) => setParam("kind", picked)}
            style={{ width: 260 }}
            data-testid="change-report-kind-filter"
            options={majorChangeKinds.map((entry) => ({ value: entry.code, label: pick(entry.nameZh, entry.nameEn) }))}
          />
          <Checkbox
            checked={overdue}
            onChange={(event) => setParam("overdue", event.target.checked ? "true" : undefined)}
            data-testid="change-report-overdue-filter"
          >
            {t("changeReports.overdueOnly")}
          </Checkbox>
        </Space>
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<ChangeReportSummary>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t("table.total", { n: total }) }}
          locale={{ emptyText: t("changeReports.empty") }}
          columns={[
            {
              title: t("changeReport.base"),
              render: (_, row) => (
                <Link to={`/change-reports/${row.id}`} data-testid={`change-report-link-${row.id}`}>
                  {row.baseName}
                </Link>
              ),
            },
            { title: t("changeReport.unit"), dataIndex: "unitName" },
            { title: t("changeReport.kind"), width: 200, render: (_, row) => pick(row.kindZh, row.kindEn) },
            { title: t("changeReport.changedOn"), width: 150, render: (_, row) => date(row.changedOn) },
            { title: t("changeReport.dueOn"), width: 240, render: (_, row) => <ChangeReportDue row={row} /> },
            { title: t("changeReport.state"), width: 200, render: (_, row) => <ChangeReportStateTag row={row} /> },
          ]}
        />
      </Card>
      <NewChangeReportModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
