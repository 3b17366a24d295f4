import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, Select, Space, Table, Typography } from "antd";
import { Link, useSearchParams } from "react-router";
import { type RectificationState, rectificationStates } from "../../../../policy/lifecycles/rectification.transitions";
import { type RectificationSummary, rectificationsApi } from "../../api/endpoints";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { RectificationStateTag, useRectificationLabels } from "./rectification-labels";

const stateParam = (value: string | null): RectificationState | undefined =>
  (rectificationStates as readonly string[]).includes(value ?? "") ? (value as RectificationState) : undefined;

/** The rectification cases the caller's scope reaches: a host unit its own, a recommender its jurisdiction's. */
export function RectificationsPage() {
  const { t, date } = useI18n();
  const labels = useRectificationLabels();
  const [params, setParams] = useSearchParams();
  const state = stateParam(params.get("state"));
  const list = useQuery({
    queryKey: ["rectifications", "list", { state }],
    queryFn: () => rectificationsApi.list(state ? { state } : {}),
    placeholderData: keepPreviousData,
  });
  const decided = (row: RectificationSummary) => row.state === "passed" || row.state === "failed";
  return (
    <>
      <PageHeader title={t("nav.rectifications")} intro={t("rectifications.intro")} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<RectificationState>
            allowClear
            placeholder={t("rectifications.allStates")}
            value={state}
            onChange={(picked) => setParams(picked ? { state: picked } : {})}
            style={{ width: 220 }}
            data-testid="rectification-state-filter"
            options={rectificationStates.map((value) => ({ value, label: labels.state(value) }))}
          />
        </Space>
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<RectificationSummary>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t("table.total", { n: total }) }}
          locale={{ emptyText: t("rectifications.empty") }}
          columns={[
            {
              title: t("rectification.base"),
              render: (_, row) => (
                <Link to={`/rectifications/${row.id}`} data-testid={`rectification-link-${row.id}`}>
                  {row.baseName}
                </Link>
              ),
            },
            { title: t("rectification.unit"), dataIndex: "unitName" },
            { title: t("rectification.year"), dataIndex: "year", width: 100 },
            { title: t("rectification.openedOn"), render: (_, row) => date(row.openedOn), width: 150 },
            {
              title: t("rectification.dueOn"),
              width: 220,
              render: (_, row) => (
                <Space size={4} wrap>
                  <span>{date(row.dueOn)}</span>
                  {decided(row) ? null : (
                    <Typography.Text type={row.daysLeft < 0 ? "danger" : row.daysLeft <= 30 ? "warning" : "secondary"}>
                      {row.daysLeft >= 0
                        ? t("rectification.daysLeft", { n: row.daysLeft })
                        : t("rectification.daysOver", { n: -row.daysLeft })}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
            {
              title: t("rectification.state"),
              width: 200,
              render: (_, row) => <RectificationStateTag state={row.state} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
