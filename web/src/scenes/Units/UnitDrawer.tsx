import { useQuery } from "@tanstack/react-query";
import { Descriptions, Drawer, Flex, Skeleton, Typography } from "antd";
import { unitsApi } from "../../api/endpoints";
import type { Unit } from "../../api/types";
import { QueryError } from "../../components/QueryError";
import { divisionLabel, unitTypeLabel } from "../../components/reference-labels";
import { UnitStatusTag, UsccTag } from "../../components/tags";
import { useI18n } from "../../i18n/I18nProvider";
import { UnitActions } from "./UnitActions";

export const unitKey = (id: string) => ["unit", id] as const;

/** One unit (GET /api/units/:id) with the actions its `abilities` allow. */
export function UnitDrawer({
  unitId,
  onClose,
  onEdit,
}: {
  unitId: string | null;
  onClose: () => void;
  onEdit: (unit: Unit) => void;
}) {
  const { t } = useI18n();
  const unit = useQuery({
    queryKey: unitKey(unitId ?? ""),
    queryFn: () => unitsApi.get(unitId!),
    enabled: unitId !== null,
  });
  return (
    <Drawer
      open={unitId !== null}
      onClose={onClose}
      size={720}
      title={unit.data?.name ?? t("units.detail")}
      destroyOnHidden
      extra={unit.data ? <UnitActions unit={unit.data} onEdit={onEdit} /> : null}
      data-testid="unit-drawer"
    >
      {unit.isPending ? <Skeleton active /> : null}
      {unit.isError ? <QueryError error={unit.error} onRetry={() => unit.refetch()} /> : null}
      {unit.data ? <UnitDescriptions unit={unit.data} /> : null}
    </Drawer>
  );
}

export function UnitDescriptions({ unit }: { unit: Unit }) {
  const { t, language, date } = useI18n();
  const dash = (value: string | null | undefined) => value || "—";
  return (
    <Descriptions
      bordered
      column={1}
      size="small"
      styles={{ label: { width: 180 } }}
      items={[
        { key: "name", label: t("unit.name"), children: unit.name },
        {
          key: "uscc",
          label: t("unit.uscc"),
          children: (
            <Flex gap={8} align="center">
              <Typography.Text code copyable>
                {unit.uscc}
              </Typography.Text>
              <UsccTag check={unit.usccCheck} confirmed={unit.usccConfirmed} />
            </Flex>
          ),
        },
        { key: "type", label: t("unit.type"), children: unitTypeLabel(unit.type, language) },
        {
          key: "division",
          label: t("unit.division"),
          children: divisionLabel(unit.divisionCode, language),
        },
        { key: "address", label: t("unit.address"), children: dash(unit.address) },
        ...(unit.college ? [{ key: "college", label: t("unit.college"), children: unit.college }] : []),
        { key: "recommender", label: t("unit.recommender"), children: unit.recommenderName },
        {
          key: "direct",
          label: t("unit.directRecommending"),
          children: unit.directRecommending ? t("common.yes") : t("common.no"),
        },
        { key: "legal", label: t("unit.legalRepresentative"), children: unit.legalRepresentative },
        { key: "contact", label: t("unit.contactName"), children: unit.contactName },
        { key: "phone", label: t("unit.contactPhone"), children: dash(unit.contactPhone) },
        { key: "status", label: t("unit.statusLabel"), children: <UnitStatusTag status={unit.status} /> },
        ...(unit.statusReason ? [{ key: "reason", label: t("unit.statusReason"), children: unit.statusReason }] : []),
        { key: "created", label: t("unit.createdAt"), children: date(unit.createdAt) },
      ]}
    />
  );
}
