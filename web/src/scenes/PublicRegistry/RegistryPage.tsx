import { DownloadOutlined, PrinterOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Flex, Grid, Input, List, Select, Table, Tag, Typography } from "antd";
import { Link, useSearchParams } from "react-router";
import { exportHref } from "../../components/list/list-api";
import { PrintView } from "../../components/list/PrintView";
import { useListParams } from "../../components/list/useListParams";
import { PageHeader } from "../../components/PageHeader";
import { PublicPage } from "../../components/PublicPage";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { type PublicBase, registryApi } from "./registry-api";

const filterKeys = ["q", "type", "field", "division", "country", "year", "sort", "order"] as const;

/** Recognition years offered by the year filter: from the first provincial bases to this year. */
const years = (() => {
  const now = new Date().getFullYear();
  return Array.from({ length: now - 2011 }, (_, index) => now - index);
})();

/**
 * The public registry of recognized bases: search, filters in the URL, no sign-in (SPEC §1 "public"). On a phone
 * each base is a card (a table of seven columns does not fit 390 px); names of types and fields follow the language.
 */
export function RegistryPage() {
  const { t, pick, number, date } = useI18n();
  const narrow = !Grid.useBreakpoint().md;
  const [params, setParams] = useSearchParams();
  const query = Object.fromEntries(filterKeys.map((key) => [key, params.get(key) ?? undefined]));
  const page = Number(params.get("page") ?? "1") || 1;
  const pageSize = Number(params.get("pageSize") ?? "20") || 20;
  const list = useQuery({
    queryKey: ["registry", query, page, pageSize],
    queryFn: () => registryApi.list({ ...query, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const facets = useQuery({ queryKey: ["registry-facets"], queryFn: registryApi.facets });
  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!("page" in changes)) next.delete("page");
    setParams(next, { replace: true });
  };
  const options = (items: Array<{ key: string; labelZh: string; labelEn: string; count: number }> = []) =>
    items.map((item) => ({ value: item.key, label: `${pick(item.labelZh, item.labelEn)}（${item.count}）` }));
  // The shared list scaffold: the export (public view: the registry's own columns) and the print view.
  const listParams = useListParams({ filters: ["type", "field", "division", "country", "year"] });
  if (listParams.printing) {
    return (
      <PrintView<PublicBase>
        title={t("registry.title")}
        queryKey={["registry", listParams.exportQuery]}
        pageSize={100}
        fetchPage={(pageNumber, size) =>
          registryApi.list({ ...listParams.exportQuery, page: pageNumber, pageSize: size })
        }
        filters={Object.values(listParams.exportQuery).filter((value) => value !== "asc" && value !== "desc")}
        rowKey={(base) => base.id}
        columns={[
          { title: t("registry.name"), value: (b) => b.name },
          { title: t("registry.unit"), value: (b) => b.unit },
          { title: t("registry.type"), value: (b) => pick(b.typeZh, b.typeEn) },
          { title: t("registry.field"), value: (b) => pick(b.field, b.fieldEn) },
          { title: t("registry.division"), value: (b) => pick(b.divisionZh, b.divisionEn) },
          {
            title: t("registry.keyCountries"),
            value: (b) => b.countries.key.map((c) => pick(c.nameZh, c.nameEn)).join("、"),
          },
          { title: t("registry.recognizedOn"), value: (b) => `${date(b.recognizedOn)} ${b.documentNumber}` },
        ]}
      />
    );
  }

  return (
    <PublicPage>
      <PageHeader title={t("registry.title")} intro={t("registry.intro")} />
      <Card styles={{ body: { padding: narrow ? 12 : 24 } }}>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={query.q}
            placeholder={t("registry.search")}
            style={{ width: narrow ? "100%" : 280 }}
            onSearch={(value) => set({ q: value.trim() || undefined })}
            data-testid="registry-search"
          />
          {(
            [
              ["type", "registry.type", facets.data?.types],
              ["field", "registry.field", facets.data?.fields],
              ["division", "registry.division", facets.data?.divisions],
              ["country", "registry.country", facets.data?.countries],
            ] as const
          ).map(([key, label, items]) => (
            <Select
              key={key}
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t(label)}
              value={query[key]}
              options={options(items)}
              style={{ width: narrow ? "calc(50% - 4px)" : 200 }}
              onChange={(value?: string) => set({ [key]: value })}
              data-testid={`registry-filter-${key}`}
            />
          ))}
          <Select
            allowClear
            placeholder={t("list.filter.year")}
            value={query.year}
            options={years.map((year) => ({
              value: String(year),
              label: t("list.yearOption", { year: String(year) }),
            }))}
            style={{ width: narrow ? "calc(50% - 4px)" : 130 }}
            onChange={(value?: string) => set({ year: value })}
            data-testid="registry-filter-year"
          />
          <Flex gap={8} style={{ marginLeft: narrow ? 0 : "auto" }}>
            <Button
              icon={<DownloadOutlined />}
              href={exportHref("/api/public/bases", listParams.exportQuery)}
              data-testid="registry-export"
            >
              {t("list.export")}
            </Button>
            <Button
              icon={<PrinterOutlined />}
              href={listParams.printHref()}
              target="_blank"
              rel="noopener"
              data-testid="registry-print"
            >
              {t("list.print")}
            </Button>
          </Flex>
        </Flex>
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        {narrow ? (
          <RegistryCards
            items={list.data?.items ?? []}
            loading={list.isFetching}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              size: "small",
              showSizeChanger: false,
              showTotal: (total) => t("table.total", { n: number(total) }),
              onChange: (current, size) => set({ page: String(current), pageSize: String(size) }),
            }}
          />
        ) : (
          <Table<PublicBase>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items}
            data-testid="registry-table"
            onChange={(pagination, _filters, sorter) => listParams.onTableChange(pagination, sorter)}
            pagination={{
              current: page,
              pageSize,
              total: list.data?.total ?? 0,
              showTotal: (total) => t("table.total", { n: number(total) }),
            }}
            columns={[
              {
                title: t("registry.name"),
                dataIndex: "name",
                key: "name",
                sorter: true,
                sortOrder: listParams.sortOrderOf("name"),
                render: (name: string, base) => (
                  <Link to={`/registry/${base.id}`} data-testid={`registry-base-${base.id}`}>
                    {name}
                  </Link>
                ),
              },
              { title: t("registry.unit"), dataIndex: "unit", width: 220 },
              {
                title: t("registry.type"),
                key: "type",
                width: 130,
                render: (_, base) => (
                  <Flex gap={4} wrap>
                    <Tag>{pick(base.typeZh, base.typeEn)}</Tag>
                    {base.isKey ? <Tag color="gold">{t("registry.key")}</Tag> : null}
                  </Flex>
                ),
              },
              { title: t("registry.field"), key: "field", width: 150, render: (_, b) => pick(b.field, b.fieldEn) },
              {
                title: t("registry.division"),
                key: "division",
                width: 110,
                render: (_, b) => pick(b.divisionZh, b.divisionEn),
              },
              {
                title: t("registry.keyCountries"),
                key: "countries",
                width: 160,
                render: (_, base) => base.countries.key.map((c) => pick(c.nameZh, c.nameEn)).join("、"),
              },
              {
                title: t("registry.recognizedOn"),
                key: "recognizedOn",
                sorter: true,
                sortOrder: listParams.sortOrderOf("recognizedOn"),
                width: 200,
                render: (_, base) => (
                  <>
                    <div>{date(base.recognizedOn)}</div>
                    <Typography.Text type="secondary">{base.documentNumber}</Typography.Text>
                  </>
                ),
              },
            ]}
          />
        )}
      </Card>
    </PublicPage>
  );
}

/** The registry on a phone: one card per base with what the table's columns hold. */
function RegistryCards({
  items,
  loading,
  pagination,
}: {
  items: PublicBase[];
  loading: boolean;
  pagination: React.ComponentProps<typeof List>["pagination"];
}) {
  const { t, pick, date } = useI18n();
  return (
    <List<PublicBase>
      loading={loading}
      dataSource={items}
      pagination={pagination}
      data-testid="registry-cards"
      renderItem={(base) => (
        <List.Item style={{ paddingInline: 0 }}>
          <Flex vertical gap={4} style={{ width: "100%", minWidth: 0 }}>
            <Link to={`/registry/${base.id}`} data-testid={`registry-card-${base.id}`} style={{ fontWeight: 600 }}>
              {base.name}
            </Link>
            <Typography.Text style={{ overflowWrap: "anywhere" }}>{base.unit}</Typography.Text>
            <Flex gap={4} wrap>
              <Tag>{pick(base.typeZh, base.typeEn)}</Tag>
              {base.isKey ? <Tag color="gold">{t("registry.key")}</Tag> : null}
              <Tag>{pick(base.field, base.fieldEn)}</Tag>
              <Tag>{pick(base.divisionZh, base.divisionEn)}</Tag>
            </Flex>
            {base.countries.key.length > 0 ? (
              <Typography.Text type="secondary">
                {t("registry.keyCountries")}
                {pick("：", ": ")}
                {base.countries.key.map((c) => pick(c.nameZh, c.nameEn)).join("、")}
              </Typography.Text>
            ) : null}
            <Typography.Text type="secondary">
              {t("registry.recognizedOn")}
              {pick("：", ": ")}
              {date(base.recognizedOn)} · {base.documentNumber}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}
