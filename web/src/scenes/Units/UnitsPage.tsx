import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Table } from "antd";
import { useState } from "react";
import { hasAbility, useSession } from "../../api/session";
import type { Unit, UnitStatus } from "../../api/types";
import { prefectureOptions } from "../../components/list/filter-options";
import { ListToolbar } from "../../components/list/ListToolbar";
import { exportHref, fetchListPage } from "../../components/list/list-api";
import { PrintView } from "../../components/list/PrintView";
import { useListParams } from "../../components/list/useListParams";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { divisionLabel, unitTypeLabel, unitTypeOptions } from "../../components/reference-labels";
import { useI18n } from "../../i18n/I18nProvider";
import { UnitDrawer } from "./UnitDrawer";
import { UnitFormModal } from "./UnitFormModal";
import { useUnitColumns } from "./unit-columns";

const statuses: UnitStatus[] = ["pending", "confirmed", "rejected"];
/** Column (dataIndex) → the server's sort key. */
const sortKeys: Record<string, string> = {
  name: "name",
  type: "type",
  divisionCode: "division",
  status: "status",
  createdAt: "createdAt",
};

/** Host units in the caller's scope (officer: all; recommender: its sub-tree), filters, sort and page in the URL. */
export function UnitsPage() {
  const me = useSession();
  const { t, number, language, date } = useI18n();
  const list = useListParams({ filters: ["status", "division", "type", "recommenderId"] });
  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<{ unit: Unit | null } | null>(null);

  const page = useQuery({
    queryKey: ["units", list.listQuery],
    queryFn: () => fetchListPage("/api/units", list.listQuery),
    placeholderData: keepPreviousData,
  });
  const columns = useUnitColumns(setOpenId).map((column) => {
    const index = "dataIndex" in column ? String(column.dataIndex) : "";
    const key = sortKeys[index];
    return key ? { ...column, key, sorter: true, sortOrder: list.sortOrderOf(key) } : column;
  });
  const filters = [
    {
      key: "status",
      placeholder: t("units.statusFilter"),
      options: statuses.map((s) => ({ value: s, label: t(`unit.status.${s}`) })),
      testId: "units-status",
    },
    { key: "division", placeholder: t("list.filter.division"), options: prefectureOptions(language) },
    { key: "type", placeholder: t("list.filter.unitType"), width: 190, options: unitTypeOptions(language) },
  ];

  if (list.printing) {
    const words = [
      list.filters.status && t(`unit.status.${list.filters.status as UnitStatus}`),
      list.filters.division && divisionLabel(list.filters.division, language),
      list.filters.type && unitTypeLabel(list.filters.type, language),
      list.q,
    ].filter((word): word is string => Boolean(word));
    return (
      <PrintView<Unit>
        title={t("nav.units")}
        queryKey={["units", list.exportQuery]}
        fetchPage={(pageNumber, pageSize) =>
          fetchListPage("/api/units", { ...list.exportQuery, page: pageNumber, pageSize })
        }
        filters={words}
        rowKey={(unit) => unit.id}
        columns={[
          { title: t("unit.name"), value: (u) => u.name },
          { title: t("unit.uscc"), value: (u) => u.uscc },
          { title: t("unit.type"), value: (u) => unitTypeLabel(u.type, language) },
          { title: t("unit.division"), value: (u) => divisionLabel(u.divisionCode, language) },
          { title: t("unit.recommender"), value: (u) => u.recommenderName },
          { title: t("unit.statusLabel"), value: (u) => t(`unit.status.${u.status}`) },
          { title: t("unit.createdAt"), value: (u) => date(u.createdAt) },
        ]}
      />
    );
  }

  return (
    <>
      <PageHeader
        title={t("nav.units")}
        intro={t(hasAbility(me, "unit.manage") ? "units.introOfficer" : "units.introRecommender")}
        extra={
          hasAbility(me, "unit.manage") ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setForm({ unit: null })}
              data-testid="unit-create"
            >
              {t("units.create")}
            </Button>
          ) : null
        }
      />
      <Card>
        <ListToolbar
          list={list}
          name="units"
          searchPlaceholder={t("units.searchPlaceholder")}
          filters={filters}
          exportHref={exportHref("/api/units", list.exportQuery)}
        />
        {page.isError ? <QueryError error={page.error} onRetry={() => page.refetch()} /> : null}
        <Table<Unit>
          rowKey="id"
          columns={columns}
          dataSource={page.data?.items}
          loading={page.isFetching}
          scroll={{ x: 1250 }}
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
      <UnitDrawer unitId={openId} onClose={() => setOpenId(null)} onEdit={(unit) => setForm({ unit })} />
      <UnitFormModal state={form} onClose={() => setForm(null)} onCreated={(unit) => setOpenId(unit.id)} />
    </>
  );
}
