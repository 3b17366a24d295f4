import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, Input, Table, Tag } from "antd";
import { Link, useSearchParams } from "react-router";
import { type ApplicationSummary, applicationsApi } from "../../api/recognition";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";

/** Applications in the caller's scope; each opens its editor or detail page. */
export function ApplicationsPage() {
  const { t, pick, dateTime } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const page = Number(params.get("page") ?? 1) || 1;
  const list = useQuery({
    queryKey: ["applications", "list", { q, page }],
    queryFn: () => applicationsApi.list({ q: q || undefined, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader title={t("nav.applications")} intro={t("apps.intro")} />
      <Card>
        <Input.Search
          allowClear
          defaultValue={q}
          style={{ width: 320, marginBottom: 16 }}
          onSearch={(value) => setParams(value ? { q: value } : {})}
        />
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <ApplicationTable
          items={list.data?.items}
          loading={list.isFetching}
          total={list.data?.total ?? 0}
          page={page}
          onPage={(p) => setParams({ ...(q ? { q } : {}), page: String(p) })}
          pick={pick}
          t={t}
          dateTime={dateTime}
        />
      </Card>
    </>
  );
}

export function ApplicationTable(props: {
  items: ApplicationSummary[] | undefined;
  loading: boolean;
  total?: number;
  page?: number;
  onPage?: (page: number) => void;
  pick: (zh: string, en: string) => string;
  t: ReturnType<typeof useI18n>["t"];
  dateTime: (value: string) => string;
}) {
  const { t, pick } = props;
  return (
    <Table<ApplicationSummary>
      rowKey="id"
      size="middle"
      loading={props.loading}
      dataSource={props.items}
      pagination={
        props.onPage ? { current: props.page, total: props.total, pageSize: 20, onChange: props.onPage } : false
      }
      columns={[
        {
          title: t("apps.name"),
          render: (_, a) => (
            <Link to={`/applications/${a.id}`} data-testid={`application-link-${a.id}`}>
              {a.standardName ?? `${a.unitName}（${pick("未完成", "incomplete")}）`}
            </Link>
          ),
        },
        { title: t("apps.unit"), dataIndex: "unitName" },
        { title: t("apps.state"), render: (_, a) => <Tag>{pick(a.stateLabelZh, a.stateLabelEn)}</Tag> },
        { title: t("apps.recommender"), dataIndex: "recommenderName" },
        { title: t("apps.updated"), render: (_, a) => props.dateTime(a.updatedAt) },
        {
          title: t("table.actions"),
          // 阅览 once submitted: the whole application on one page, to read or print.
          render: (_, a) =>
            a.submittedAt ? (
              <Link to={`/applications/${a.id}/read`} data-testid={`application-read-${a.id}`}>
                {t("read.open")}
              </Link>
            ) : null,
        },
      ]}
    />
  );
}
