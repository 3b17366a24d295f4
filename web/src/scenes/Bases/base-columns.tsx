import type { TableColumnsType } from "antd";
import { Flex, Tag } from "antd";
import { Link } from "react-router";
import type { BaseSummary } from "../../api/bases";
import { useI18n } from "../../i18n/I18nProvider";
import { BaseStatusTag } from "./BaseStatusTag";

/** The bases table: standard name (opens the base's page), unit, type, status, recognition date and 文号. */
export function useBaseColumns(): TableColumnsType<BaseSummary> {
  const { t, pick, date } = useI18n();
  return [
    {
      title: t("bases.name"),
      dataIndex: "standardName",
      render: (name: string, base) => (
        <Link to={`/bases/${base.id}`} data-testid={`base-link-${base.id}`}>
          {name}
        </Link>
      ),
    },
    { title: t("bases.unit"), dataIndex: "unitName", width: 230 },
    {
      title: t("bases.type"),
      key: "type",
      width: 140,
      render: (_, base) => (
        <Flex gap={4} wrap>
          <span>{pick(base.typeZh, base.typeEn)}</span>
          {base.isKey ? <Tag color="gold">{t("bases.key")}</Tag> : null}
        </Flex>
      ),
    },
    { title: t("bases.status"), key: "status", width: 110, render: (_, base) => <BaseStatusTag base={base} /> },
    {
      title: t("bases.recognizedOn"),
      dataIndex: "recognizedOn",
      width: 140,
      render: (value: string) => <span style={{ whiteSpace: "nowrap" }}>{date(value)}</span>,
    },
    {
      title: t("bases.documentNumber"),
      dataIndex: "documentNumber",
      width: 180,
      render: (value: string) => <span style={{ whiteSpace: "nowrap" }}>{value}</span>,
    },
  ];
}
