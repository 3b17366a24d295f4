import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, Table } from "antd";
import { baseLifecycle, baseStates } from "../../../../policy/lifecycles/base.transitions";
import { baseTypes } from "../../../../policy/reference/base-types";
import { fields2025 } from "../../../../policy/reference/fields-2025";
import type { BaseSummary } from "../../api/bases";
import { prefectureOptions } from "../../components/list/filter-options";
import { ListToolbar } from "../../components/list/ListToolbar";
import { exportHref, fetchListPage } from "../../components/list/list-api";
import { PrintView } from "../../components/list/PrintView";
import { useListParams } from "../../components/list/useListParams";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { divisionLabel } from "../../components/reference-labels";
import { useI18n } from "../../i18n/I18nProvider";
import { useBaseColumns } from "./base-columns";

/** Column (dataIndex or key) → the server's sort key. */
const sortKeys: Record<string, string> = {
  standardName: "standardName",
  unitName: "unitName",
  type: "type",
  status: "status",
  recognizedOn: "recognizedOn",
};

/** Recognition years offered by the year filter: from the first provincial bases to this year. */
const years = (() => {
  const now = new Date().getFullYear();
  return Array.from({ length: now - 2011 }, (_, index) => now - index);
})();

/**
 * 基地管理 (登记册): the bases in the caller's scope (unit: its own; recommender: its jurisdiction; department: all),
 * filtered by status, type, 市州, field and recognition year and sorted on the server, all in the URL; the Excel
 * export is the officer's view of the registry (every base in scope, any status).
 */
export function BasesPage() {
  const { t, pick, number, language, date } = useI18n();
  const list = useListParams({ filters: ["status", "type", "division", "field", "year"] });
  const page = useQuery({
    queryKey: ["bases", list.listQuery],
    queryFn: () => fetchListPage("/api/bases", list.listQuery),
    placeholderData: keepPreviousData,
  });
  const columns = useBaseColumns().map((column) => {
    const index = "dataIndex" in column && column.dataIndex ? String(column.dataIndex) : String(column.key ?? "");
    const key = sortKeys[index];
    return key ? { ...column, key, sorter: true, sortOrder: list.sortOrderOf(key) } : column;
  });
  const stateLabel = (state: string) => {
    const label = baseLifecycle.stateLabels[state as keyof typeof baseLifecycle.stateLabels];
    return label ? pick(label.zh, label.en) : "";
  };
  const filters = [
    {
      key: "status",
      placeholder: t("bases.statusFilter"),
      options: baseStates.map((state) => ({ value: state, label: stateLabel(state) })),
      testId: "bases-status",
    },
    {
      key: "type",
      placeholder: t("bases.typeFilter"),
      width: 130,
      options: baseTypes.map((entry) => ({ value: entry.code, label: pick(entry.nameZh, entry.nameEn) })),
      testId: "bases-type",
    },
    { key: "division", placeholder: t("list.filter.division"), options: prefectureOptions(language) },
    {
      key: "field",
      placeholder: t("list.filter.field"),
      options: fields2025.map((field) => ({ value: field.nameZh, label: pick(field.nameZh, field.nameEn) })),
    },
    {
      key: "year",
      placeholder: t("list.filter.year"),
      width: 130,
      options: years.map((year) => ({ value: String(year), label: t("list.yearOption", { year: String(year) }) })),
    },
  ];

  if (list.printing) {
    const words = [
      list.filters.status && stateLabel(list.filters.status),
      list.filters.type && baseTypes.find((entry) => entry.code === list.filters.type)?.nameZh,
      list.filters.division && divisionLabel(list.filters.division, language),
      list.filters.field,
      list.filters.year && t("list.yearOption", { year: list.filters.year }),
      list.q,
    ].filter((word): word is string => Boolean(word));
    return (
      <PrintView<BaseSummary>
        title={t("nav.bases")}
        queryKey={["bases", list.exportQuery]}
        fetchPage={(pageNumber, pageSize) =>
          fetchListPage("/api/bases", { ...list.exportQuery, page: pageNumber, pageSize })
        }
        filters={words}
        rowKey={(base) => base.id}
        columns={[
          { title: t("bases.name"), value: (b) => b.standardName },
          { title: t("bases.unit"), value: (b) => b.unitName },
          { title: t("bases.type"), value: (b) => pick(b.typeZh, b.typeEn) },
          { title: t("list.filter.field"), value: (b) => b.field },
          { title: t("bases.status"), value: (b) => pick(b.statusZh, b.statusEn) },
          { title: t("bases.recognizedOn"), value: (b) => date(b.recognizedOn) },
          { title: t("bases.documentNumber"), value: (b) => b.documentNumber },
        ]}
      />
    );
  }

  return (
    <>
      <PageHeader title={t("nav.bases")} intro={t("bases.intro")} />
      <Card>
        <ListToolbar
          list={list}
          name="bases"
          searchPlaceholder={t("bases.search")}
          filters={filters}
          exportHref={exportHref("/api/bases", list.exportQuery)}
        />
        {page.isError ? <QueryError error={page.error} onRetry={() => page.refetch()} /> : null}
        <Table<BaseSummary>
          rowKey="id"
          columns={columns}
          dataSource={page.data?.items}
          loading={page.isFetching}
          scroll={{ x: 1100 }}
          data-testid="bases-table"
          onChange={(pagination, _filters, sorter) => list.onTableChange(pagination, sorter)}
          pagination={{
            current: list.page,
            pageSize: list.pageSize,
            total: page.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t("table.total", { n: number(total) }),
          }}
        />
      </Card>
    </>
  );
}
