import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, Select, Space, Switch, Table, Typography } from "antd";
import { Link, useSearchParams } from "react-router";
import {
  type RevocationCaseState,
  revocationCaseLifecycle,
  revocationCaseStates,
} from "../../../../policy/lifecycles/revocation-case.transitions";
import { type RevocationSummary, revocationsApi } from "../../api/revocations";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { RevocationStateTag, useGroundLabel, useSourceLabel } from "./revocation-labels";

const stateParam = (value: string | null): RevocationCaseState | undefined =>
  (revocationCaseStates as readonly string[]).includes(value ?? "") ? (value as RevocationCaseState) : undefined;

/**
 * The revocation cases the caller's scope reaches (officer all, host unit its own, recommender its jurisdiction's):
 * proposed by the system, opened by the department, requested by the unit.
 */
export function RevocationsPage() {
  const { t, pick, date } = useI18n();
  const groundLabel = useGroundLabel();
  const sourceLabel = useSourceLabel();
  const [params, setParams] = useSearchParams();
  const state = stateParam(params.get("state"));
  const openOnly = params.get("open") === "true";
  const list = useQuery({
    queryKey: ["revocations", "list", { state, openOnly }],
    queryFn: () => revocationsApi.list({ ...(state ? { state } : {}), ...(openOnly ? { open: "true" } : {}) }),
    placeholderData: keepPreviousData,
  });
  const setFilter = (next: { state?: RevocationCaseState | undefined; open?: boolean }) => {
    const merged = { state, open: openOnly, ...next };
    setParams({ ...(merged.state ? { state: merged.state } : {}), ...(merged.open ? { open: "true" } : {}) });
  };
  return (
    <>
      <PageHeader title={t("nav.revocations")} intro={t("revocations.intro")} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<RevocationCaseState>
            allowClear
            placeholder={t("revocations.allStates")}
            value={state}
            onChange={(picked) => setFilter({ state: picked })}
            style={{ width: 260 }}
            data-testid="revocation-state-filter"
            options={revocationCaseStates.map((value) => {
              const label = revocationCaseLifecycle.stateLabels[value];
              return { value, label: pick(label.zh, label.en) };
            })}
          />
          <Space>
            <Switch checked={openOnly} onChange={(open) => setFilter({ open })} data-testid="revocation-open-only" />
            <Typography.Text>{t("revocations.openOnly")}</Typography.Text>
          </Space>
        </Space>
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<RevocationSummary>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t("table.total", { n: total }) }}
          locale={{ emptyText: t("revocations.empty") }}
          columns={[
            {
              title: t("revocation.base"),
              render: (_, row) => (
                <Link to={`/revocations/${row.id}`} data-testid={`revocation-link-${row.id}`}>
                  {row.baseName}
                </Link>
              ),
            },
            { title: t("revocation.unit"), dataIndex: "unitName" },
            { title: t("revocation.ground"), render: (_, row) => groundLabel(row.ground) },
            { title: t("revocation.source"), width: 140, render: (_, row) => sourceLabel(row.source) },
            { title: t("revocation.createdAt"), width: 130, render: (_, row) => date(row.createdAt) },
            { title: t("revocation.state"), width: 200, render: (_, row) => <RevocationStateTag state={row.state} /> },
            {
              title: t("revocation.banEndsOn"),
              width: 150,
              render: (_, row) => (row.banEndsOn ? date(row.banEndsOn) : "—"),
            },
          ]}
        />
      </Card>
    </>
  );
}
