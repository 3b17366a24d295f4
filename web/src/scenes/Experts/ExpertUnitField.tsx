import { useQuery } from "@tanstack/react-query";
import { AutoComplete, Form, Input } from "antd";
import { useEffect, useState } from "react";
import { unitsApi } from "../../api/endpoints";
import { hasAbility, useSession } from "../../api/session";
import { useI18n } from "../../i18n/I18nProvider";

type UnitOption = { value: string; label: string; unitId: string };

/**
 * 工作单位: a registered host unit chosen from GET /api/units (its id goes in `unitId`, so the draw's same-unit
 * rule compares ids), or any unit typed by name (`unitId` null, compared by name). Typing away from the chosen
 * unit's name unlinks it. Registers the form fields `unitId` (hidden) and `unitName`.
 */
export function ExpertUnitField() {
  const me = useSession();
  const { t } = useI18n();
  const form = Form.useFormInstance();
  const unitId = Form.useWatch("unitId", form) as string | null | undefined;
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const units = useQuery({
    queryKey: ["expert-unit-picker", search],
    queryFn: () => unitsApi.list({ q: search, pageSize: 10 }),
    enabled: hasAbility(me, "unit.read") && search.length >= 2,
    staleTime: 60_000,
  });
  const options: UnitOption[] = [
    ...new Map(
      (units.data?.items ?? []).map((unit) => [unit.name, { value: unit.name, label: unit.name, unitId: unit.id }]),
    ).values(),
  ];

  return (
    <>
      <Form.Item name="unitId" hidden>
        <Input />
      </Form.Item>
      <Form.Item
        name="unitName"
        label={t("expert.unit")}
        extra={unitId ? t("expertPool.unitLinked") : t("expertPool.unitFree")}
        rules={[{ required: true, whitespace: true, message: t("expertPool.unitRequired") }]}
      >
        <AutoComplete<string, UnitOption>
          options={options}
          placeholder={t("expertPool.unitPlaceholder")}
          maxLength={100}
          showSearch={{ filterOption: false, onSearch: setTyped }}
          onSelect={(_, option) => form.setFieldValue("unitId", option.unitId)}
          onChange={(text) => {
            const match = options.find((option) => option.value === text);
            form.setFieldValue("unitId", match?.unitId ?? null);
          }}
          data-testid="expert-unit"
        />
      </Form.Item>
    </>
  );
}
