import { useQuery } from "@tanstack/react-query";
import { Col, Row, Table } from "antd";
import { referenceApi } from "../../api/endpoints";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";

type Labelled = { code: string; nameZh: string; nameEn: string };

/** Divisions (GB/T 2260), unit types (Art. 2), titles and roles: shipped with the platform, read-only here. */
export function StaticListsTab() {
  const { t, pick } = useI18n();
  const bundle = useQuery({ queryKey: ["reference"], queryFn: referenceApi.bundle });
  if (bundle.isError) return <QueryError error={bundle.error} onRetry={() => bundle.refetch()} />;
  const lists = [
    { key: "divisions", title: t("reference.divisions"), items: bundle.data?.divisions, showCode: true },
    { key: "unitTypes", title: t("reference.unitTypes"), items: bundle.data?.unitTypes, showCode: false },
    { key: "titles", title: t("reference.titles"), items: bundle.data?.titles, showCode: false },
    { key: "roles", title: t("reference.roles"), items: bundle.data?.roles, showCode: false },
  ];
  return (
    <Row gutter={[16, 16]}>
      {lists.map((list) => (
        <Col key={list.key} xs={24} md={12} xl={6}>
          <Table<Labelled>
            size="small"
            bordered
            rowKey="code"
            loading={bundle.isPending}
            dataSource={list.items ?? []}
            pagination={false}
            columns={[
              { title: list.title, key: "name", render: (_, item) => pick(item.nameZh, item.nameEn) },
              ...(list.showCode ? [{ title: t("reference.code"), dataIndex: "code", width: 90 }] : []),
            ]}
          />
        </Col>
      ))}
    </Row>
  );
}
