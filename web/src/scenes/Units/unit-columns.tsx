import type { TableColumnsType as ColumnsType } from "antd";
import { Button, Flex, Typography } from "antd";
import type { Unit } from "../../api/types";
import { divisionLabel, unitTypeLabel } from "../../components/reference-labels";
import { UnitStatusTag, UsccTag } from "../../components/tags";
import { useI18n } from "../../i18n/I18nProvider";

export function useUnitColumns(onOpen: (id: string) => void): ColumnsType<Unit> {
  const { t, language, date } = useI18n();
  return [
    {
      title: t("unit.name"),
      dataIndex: "name",
      fixed: "left",
      width: 230,
      render: (name: string, unit) => (
        <Button
          type="link"
          style={{ padding: 0, height: "auto", whiteSpace: "normal", textAlign: "left" }}
          onClick={() => onOpen(unit.id)}
        >
          {name}
        </Button>
      ),
    },
    {
      title: t("unit.uscc"),
      dataIndex: "uscc",
      width: 200,
      render: (uscc: string, unit) => (
        <Flex gap={4} wrap align="center">
          <Typography.Text code>{uscc}</Typography.Text>
          <UsccTag check={unit.usccCheck} confirmed={unit.usccConfirmed} />
        </Flex>
      ),
    },
    { title: t("unit.type"), dataIndex: "type", width: 110, render: (type: string) => unitTypeLabel(type, language) },
    {
      title: t("unit.division"),
      dataIndex: "divisionCode",
      width: 120,
      render: (code: string) => divisionLabel(code, language),
    },
    { title: t("unit.recommender"), dataIndex: "recommenderName", width: 170 },
    {
      title: t("unit.statusLabel"),
      dataIndex: "status",
      width: 90,
      render: (status: Unit["status"]) => <UnitStatusTag status={status} />,
    },
    {
      title: t("unit.createdAt"),
      dataIndex: "createdAt",
      width: 150,
      render: (value: string) => <span style={{ whiteSpace: "nowrap" }}>{date(value)}</span>,
    },
    {
      title: t("table.actions"),
      key: "actions",
      fixed: "right",
      width: 90,
      render: (_, unit) => (
        <Button size="small" onClick={() => onOpen(unit.id)} data-testid={`unit-open-${unit.id}`}>
          {t("action.view")}
        </Button>
      ),
    },
  ];
}
