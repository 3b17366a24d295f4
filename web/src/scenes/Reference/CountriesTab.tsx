import { useQuery } from "@tanstack/react-query";
import { Flex, Input, Segmented, Table, Tag } from "antd";
import { useMemo, useState } from "react";
import { referenceApi } from "../../api/endpoints";
import type { Country } from "../../api/types";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";

type Filter = "all" | "bri" | "region";

/** ISO 3166-1 with Chinese and English names; HK/MO/TW shown as regions of China (Art. 30). */
export function CountriesTab() {
  const { t } = useI18n();
  const [q, setQ] = useState("");
  const [filter, setFilter] = useState<Filter>("all");
  const countries = useQuery({ queryKey: ["countries"], queryFn: referenceApi.countries, staleTime: 10 * 60_000 });
  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (countries.data ?? []).filter(
      (c) =>
        (filter === "all" || (filter === "bri" ? c.isBri : c.isChineseRegion)) &&
        (!needle ||
          c.code.toLowerCase().includes(needle) ||
          c.nameZh.includes(needle) ||
          c.nameEn.toLowerCase().includes(needle)),
    );
  }, [countries.data, q, filter]);
  return (
    <>
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t("reference.countrySearch")} style={{ width: 260 }} onSearch={setQ} />
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: "all", label: t("reference.filterAll") },
            { value: "bri", label: t("reference.filterBri") },
            { value: "region", label: t("reference.filterRegion") },
          ]}
        />
      </Flex>
      {countries.isError ? <QueryError error={countries.error} onRetry={() => countries.refetch()} /> : null}
      <Table<Country>
        rowKey="code"
        size="small"
        loading={countries.isFetching}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t("reference.code"), dataIndex: "code", width: 80 },
          { title: t("reference.nameZh"), dataIndex: "nameZh" },
          { title: t("reference.nameEn"), dataIndex: "nameEn" },
          {
            title: t("reference.flags"),
            key: "flags",
            render: (_, c) => (
              <Flex gap={4}>
                {c.isBri ? <Tag color="red">{t("reference.briTag")}</Tag> : null}
                {c.isChineseRegion ? <Tag color="blue">{t("reference.regionTag")}</Tag> : null}
              </Flex>
            ),
          },
        ]}
      />
    </>
  );
}
