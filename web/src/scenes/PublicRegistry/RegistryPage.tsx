import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Flex, Input, Select, Table, Tag, Typography } from "antd";
import { Link, useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { PublicPage } from "../../components/PublicPage";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { type PublicBase, registryApi } from "./registry-api";

const filterKeys = ["q", "type", "field", "division", "country"] as const;

/** The public registry of recognized bases: search, filters in the URL, no sign-in (SPEC §1 "public"). */
export function RegistryPage() {
  const { t, pick, number } = useI18n();
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

  return (
    <PublicPage>
      <PageHeader
        title={t("registry.title")}
        intro={t("registry.intro")}
        extra={
          <>
            <Link to="/notices" data-testid="registry-notices">
              <Button>{t("publicNotices.link")}</Button>
            </Link>
            <Link to="/achievements" data-testid="registry-achievements">
              <Button>{t("achievements.public.link")}</Button>
            </Link>
            <Link to="/public/alliances" data-testid="registry-alliances">
              <Button>{t("alliances.public.link")}</Button>
            </Link>
            <Link to="/login">
              <Button>{t("registry.login")}</Button>
            </Link>
          </>
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            defaultValue={query.q}
            placeholder={t("registry.search")}
            style={{ width: 280 }}
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
              style={{ width: 200 }}
              onChange={(value?: string) => set({ [key]: value })}
              data-testid={`registry-filter-${key}`}
            />
          ))}
        </Flex>
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<PublicBase>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items}
          data-testid="registry-table"
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showTotal: (total) => t("table.total", { n: number(total) }),
            onChange: (current, size) => set({ page: String(current), pageSize: String(size) }),
          }}
          columns={[
            {
              title: t("registry.name"),
              dataIndex: "name",
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
            { title: t("registry.field"), dataIndex: "field", width: 150 },
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
              width: 200,
              render: (_, base) => (
                <>
                  <div>{base.recognizedOn}</div>
                  <Typography.Text type="secondary">{base.documentNumber}</Typography.Text>
                </>
              ),
            },
          ]}
        />
      </Card>
    </PublicPage>
  );
}
