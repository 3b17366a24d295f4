import { PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Flex, Input, Select, Table } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { unitsApi } from "../../api/endpoints";
import { hasAbility, useSession } from "../../api/session";
import type { Unit, UnitStatus } from "../../api/types";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { UnitDrawer } from "./UnitDrawer";
import { UnitFormModal } from "./UnitFormModal";
import { useUnitColumns } from "./unit-columns";

const statuses: UnitStatus[] = ["pending", "confirmed", "rejected"];

/** Host units in the caller's scope (officer: all; recommender: its sub-tree), filters kept in the URL. */
export function UnitsPage() {
  const me = useSession();
  const { t, number } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const status = (statuses as string[]).includes(params.get("status") ?? "")
    ? (params.get("status") as UnitStatus)
    : undefined;
  const page = Number(params.get("page") ?? 1) || 1;
  const pageSize = Number(params.get("pageSize") ?? 20) || 20;
  const [openId, setOpenId] = useState<string | null>(null);
  const [form, setForm] = useState<{ unit: Unit | null } | null>(null);

  const list = useQuery({
    queryKey: ["units", { q, status, page, pageSize }],
    queryFn: () => unitsApi.list({ q: q || undefined, status, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const columns = useUnitColumns(setOpenId);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

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
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={q}
            placeholder={t("units.searchPlaceholder")}
            style={{ width: 320 }}
            onSearch={(value) => update({ q: value.trim() || undefined, page: undefined })}
            data-testid="units-search"
          />
          <Select
            allowClear
            value={status}
            placeholder={t("units.statusFilter")}
            style={{ width: 160 }}
            options={statuses.map((s) => ({ value: s, label: t(`unit.status.${s}`) }))}
            onChange={(value?: UnitStatus) => update({ status: value, page: undefined })}
            data-testid="units-status"
          />
        </Flex>
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<Unit>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items}
          loading={list.isFetching}
          scroll={{ x: 1250 }}
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
      <UnitDrawer unitId={openId} onClose={() => setOpenId(null)} onEdit={(unit) => setForm({ unit })} />
      <UnitFormModal state={form} onClose={() => setForm(null)} onCreated={(unit) => setOpenId(unit.id)} />
    </>
  );
}
