import { useQuery } from "@tanstack/react-query";
import { Input, Select } from "antd";
import { useState } from "react";
import { unitsApi } from "../api/endpoints";
import { hasAbility, useSession } from "../api/session";
import { useI18n } from "../i18n/I18nProvider";

/**
 * Chooses a host unit by name through GET /api/units (within the caller's scope). A caller without `unit.read`
 * (the system administrator, 三员) cannot search units, so it types the unit's identifier instead.
 */
export function UnitPicker({
  value,
  onChange,
  id,
}: {
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
}) {
  const me = useSession();
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const canSearch = hasAbility(me, "unit.read");
  const units = useQuery({
    queryKey: ["unit-picker", search],
    queryFn: () => unitsApi.list({ q: search || undefined, pageSize: 20 }),
    enabled: canSearch,
  });
  if (!canSearch) {
    return (
      <Input
        id={id}
        value={value ?? ""}
        onChange={(event) => onChange?.(event.target.value.trim() || null)}
        placeholder={t("unitPicker.idPlaceholder")}
      />
    );
  }
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      allowClear
      placeholder={t("unitPicker.placeholder")}
      loading={units.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      options={units.data?.items.map((unit) => ({ value: unit.id, label: unit.name }))}
    />
  );
}
