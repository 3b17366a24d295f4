import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, Flex, Input, Select, Table } from "antd";
import { useSearchParams } from "react-router";
import { type BaseState, baseLifecycle, baseStates } from "../../../../policy/lifecycles/base.transitions";
import { type BaseType, baseTypes } from "../../../../policy/reference/base-types";
import { type BaseSummary, basesApi } from "../../api/bases";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { useBaseColumns } from "./base-columns";

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  list.find((entry) => entry === value);

/** 基地管理: the bases in the caller's scope (unit: its own; recommender: its jurisdiction; department: all). */
export function BasesPage() {
  const { t, pick, number } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const status = oneOf(baseStates, params.get("status"));
  const type = oneOf(
    baseTypes.map((entry) => entry.code),
    params.get("type"),
  );
  const page = Number(params.get("page") ?? 1) || 1;
  const pageSize = Number(params.get("pageSize") ?? 20) || 20;
  const list = useQuery({
    queryKey: ["bases", { q, status, type, page, pageSize }],
    queryFn: () => basesApi.list({ q: q || undefined, status, type, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const columns = useBaseColumns();

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={t("nav.bases")} intro={t("bases.intro")} />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t("bases.search")}
            style={{ width: 320 }}
            onSearch={(value) => update({ q: value.trim() || undefined })}
            data-testid="bases-search"
          />
          <Select
            allowClear
            value={status}
            placeholder={t("bases.statusFilter")}
            style={{ width: 160 }}
            options={baseStates.map((state) => {
              const label = baseLifecycle.stateLabels[state];
              return { value: state, label: pick(label.zh, label.en) };
            })}
            onChange={(value?: BaseState) => update({ status: value })}
            data-testid="bases-status"
          />
          <Select
            allowClear
            value={type}
            placeholder={t("bases.typeFilter")}
            style={{ width: 160 }}
            options={baseTypes.map((entry) => ({ value: entry.code, label: pick(entry.nameZh, entry.nameEn) }))}
            onChange={(value?: BaseType) => update({ type: value })}
            data-testid="bases-type"
          />
        </Flex>
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<BaseSummary>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 1100 }}
          data-testid="bases-table"
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t("table.total", { n: number(total) }),
            onChange: (nextPage, nextSize) => update({ page: String(nextPage), pageSize: String(nextSize) }),
          }}
        />
      </Card>
    </>
  );
}
