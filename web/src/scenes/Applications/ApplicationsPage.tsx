import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert, Card, Space, Table, Tag } from "antd";
import { Link } from "react-router";
import { applicationLifecycle, applicationStates } from "../../../../policy/lifecycles/application.transitions";
import { baseTypes } from "../../../../policy/reference/base-types";
import { fields2025 } from "../../../../policy/reference/fields-2025";
import { type ApplicationSummary, callsApi } from "../../api/recognition";
import { hasAbility, useSession } from "../../api/session";
import { prefectureOptions } from "../../components/list/filter-options";
import { ListToolbar } from "../../components/list/ListToolbar";
import { exportHref, fetchListPage } from "../../components/list/list-api";
import { PrintView } from "../../components/list/PrintView";
import { type ListParams, useListParams } from "../../components/list/useListParams";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";

const filterKeys = ["callId", "state", "division", "type", "field", "held", "letter"] as const;

/**
 * Applications in the caller's scope, filtered, sorted and paged by the server; every choice is in the URL
 * (/applications?state=returned&callId=… opens filtered), with an Excel export of exactly what is filtered and a
 * print view.
 */
export function ApplicationsPage() {
  const { t, pick, dateTime, language } = useI18n();
  const me = useSession();
  const list = useListParams({ filters: filterKeys });
  // 本部门 and 待出具推荐函 are the recommender's own lists (its queue, its letter); the department sees every letter.
  const recommender = Boolean(me.jurisdiction.recommenderId) && hasAbility(me, "application.recommend");
  const readsLetters = recommender || hasAbility(me, "application.formal-review");
  const calls = useQuery({ queryKey: ["calls"], queryFn: () => callsApi.list() });
  const page = useQuery({
    queryKey: ["applications", "list", list.listQuery],
    queryFn: () => fetchListPage("/api/applications", list.listQuery),
    placeholderData: keepPreviousData,
  });
  const callTitle = (id: string | undefined) => calls.data?.items.find((call) => call.id === id)?.titleZh;
  const stateLabel = (state: string) => {
    const label = applicationLifecycle.stateLabels[state as keyof typeof applicationLifecycle.stateLabels];
    return label ? pick(label.zh, label.en) : "";
  };
  const filters = [
    {
      key: "callId",
      placeholder: t("list.filter.call"),
      width: 300,
      options: (calls.data?.items ?? []).map((call) => ({ value: call.id, label: call.titleZh })),
    },
    {
      key: "state",
      placeholder: t("list.filter.state"),
      width: 190,
      options: applicationStates.map((state) => ({ value: state, label: stateLabel(state) })),
    },
    { key: "division", placeholder: t("list.filter.division"), options: prefectureOptions(language) },
    {
      key: "type",
      placeholder: t("list.filter.baseType"),
      width: 130,
      options: baseTypes.map((type) => ({ value: type.code, label: pick(type.nameZh, type.nameEn) })),
    },
    {
      key: "field",
      placeholder: t("list.filter.field"),
      options: fields2025.map((field) => ({ value: field.nameZh, label: pick(field.nameZh, field.nameEn) })),
    },
    ...(recommender || list.filters.held
      ? [
          {
            key: "held",
            placeholder: t("list.filter.held"),
            width: 150,
            options: [{ value: "true", label: t("list.held.true") }],
          },
        ]
      : []),
    ...(readsLetters || list.filters.letter
      ? [
          {
            key: "letter",
            placeholder: t("list.filter.letter"),
            width: 170,
            options: [{ value: "missing", label: t("list.letter.missing") }],
          },
        ]
      : []),
  ];
  const words = [
    callTitle(list.filters.callId),
    list.filters.state && stateLabel(list.filters.state),
    list.filters.division && prefectureOptions(language).find((d) => d.value === list.filters.division)?.label,
    list.filters.type && baseTypes.find((type) => type.code === list.filters.type)?.nameZh,
    list.filters.field,
    list.filters.held === "true" && t("list.held.true"),
    list.filters.letter === "missing" && t("list.letter.missing"),
    list.q,
  ].filter((word): word is string => Boolean(word));

  if (list.printing) {
    return (
      <PrintView<ApplicationSummary>
        title={t("nav.applications")}
        queryKey={["applications", list.exportQuery]}
        fetchPage={(pageNumber, pageSize) =>
          fetchListPage("/api/applications", { ...list.exportQuery, page: pageNumber, pageSize })
        }
        filters={words}
        rowKey={(row) => row.id}
        columns={[
          { title: t("apps.name"), value: (a) => a.standardName ?? `${a.unitName}（${pick("未完成", "incomplete")}）` },
          { title: t("apps.unit"), value: (a) => a.unitName },
          { title: t("apps.call"), value: (a) => a.callTitleZh },
          { title: t("apps.state"), value: (a) => pick(a.stateLabelZh, a.stateLabelEn) },
          { title: t("apps.recommender"), value: (a) => a.recommenderName },
          { title: t("apps.submitted"), value: (a) => (a.submittedAt ? dateTime(a.submittedAt) : "") },
        ]}
      />
    );
  }

  return (
    <>
      <PageHeader title={t("nav.applications")} intro={t("apps.intro")} />
      <Card>
        <ListToolbar
          list={list}
          name="applications"
          searchPlaceholder={t("apps.searchPlaceholder")}
          filters={filters}
          exportHref={exportHref("/api/applications", list.exportQuery)}
        />
        {list.filters.letter === "missing" && recommender ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t("list.letter.hint")}
            action={
              <Link
                to={list.filters.callId ? `/workbench?callId=${encodeURIComponent(list.filters.callId)}` : "/workbench"}
                data-testid="applications-letter-workbench"
              >
                {t("nav.workbench")}
              </Link>
            }
            data-testid="applications-letter-hint"
          />
        ) : null}
        {page.isError ? <QueryError error={page.error} onRetry={() => page.refetch()} /> : null}
        <ApplicationTable
          items={page.data?.items}
          loading={page.isFetching}
          total={page.data?.total ?? 0}
          list={list}
          pick={pick}
          t={t}
          dateTime={dateTime}
        />
      </Card>
    </>
  );
}

/** The applications table; with `list` it pages and sorts through the URL (the server sorts), without it it is plain. */
export function ApplicationTable(props: {
  items: ApplicationSummary[] | undefined;
  loading: boolean;
  total?: number;
  page?: number;
  onPage?: (page: number) => void;
  list?: ListParams;
  pick: (zh: string, en: string) => string;
  t: ReturnType<typeof useI18n>["t"];
  dateTime: (value: string) => string;
}) {
  const { t, pick, list } = props;
  const sortable = (key: string) => (list ? { key, sorter: true, sortOrder: list.sortOrderOf(key) } : {});
  return (
    <Table<ApplicationSummary>
      rowKey="id"
      size="middle"
      loading={props.loading}
      dataSource={props.items}
      data-testid="applications-table"
      onChange={list ? (pagination, _filters, sorter) => list.onTableChange(pagination, sorter) : undefined}
      pagination={
        list
          ? { current: list.page, pageSize: list.pageSize, total: props.total, showSizeChanger: true }
          : props.onPage
            ? { current: props.page, total: props.total, pageSize: 20, onChange: props.onPage }
            : false
      }
      columns={[
        {
          title: t("apps.name"),
          ...sortable("standardName"),
          render: (_, a) => (
            <Space size={12} wrap>
              <Link to={`/applications/${a.id}`} data-testid={`application-link-${a.id}`}>
                {a.standardName ?? `${a.unitName}（${pick("未完成", "incomplete")}）`}
              </Link>
              {a.abilities.includes("application.read") ? (
                <Link to={`/applications/${a.id}/read`} data-testid={`application-read-${a.id}`}>
                  {t("read.open")}
                </Link>
              ) : null}
            </Space>
          ),
        },
        { title: t("apps.unit"), dataIndex: "unitName", ...sortable("unitName") },
        {
          title: t("apps.state"),
          ...sortable("state"),
          render: (_, a) => <Tag data-testid="application-state-tag">{pick(a.stateLabelZh, a.stateLabelEn)}</Tag>,
        },
        { title: t("apps.recommender"), dataIndex: "recommenderName" },
        {
          title: t("apps.submitted"),
          ...sortable("submittedAt"),
          render: (_, a) => (a.submittedAt ? props.dateTime(a.submittedAt) : "—"),
        },
        { title: t("apps.updated"), ...sortable("updatedAt"), render: (_, a) => props.dateTime(a.updatedAt) },
      ]}
    />
  );
}
