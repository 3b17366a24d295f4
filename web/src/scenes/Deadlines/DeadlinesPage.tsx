import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, Select, Space, Table, Tag, Typography } from "antd";
import { Link, useSearchParams } from "react-router";
import { deadlineKindCodes } from "../../../../policy/deadlines/deadlines";
import { type DeadlineItem, type DeadlineKind, deadlinesApi } from "../../api/deadlines";
import { ArticleRef } from "../../components/ArticleRef";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import type { MessageKey } from "../../i18n/dictionary";
import { useI18n } from "../../i18n/I18nProvider";

const horizons = [30, 90, 180, 365] as const;
const pageSize = 50;
const kindParam = (value: string | null): DeadlineKind | undefined =>
  (deadlineKindCodes as readonly string[]).includes(value ?? "") ? (value as DeadlineKind) : undefined;
const overdueParam = (value: string | null) => (value === "true" || value === "false" ? value : undefined);

/**
 * 期限提醒 (SPEC §6): one table of every deadline the caller's scope reaches — the department all bases, a
 * recommender its jurisdiction, a host unit its own — sorted by due date by the server; overdue in red.
 */
export function DeadlinesPage() {
  const { t, date, pick } = useI18n();
  const [params, setParams] = useSearchParams();
  const kind = kindParam(params.get("kind"));
  const overdue = overdueParam(params.get("overdue"));
  const horizon = Number(params.get("horizon")) || 90;
  const page = Number(params.get("page")) || 1;
  const list = useQuery({
    queryKey: ["deadlines", { kind, overdue, horizon, page }],
    queryFn: () => deadlinesApi.list({ kind, overdue, horizon, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries({ page: undefined, ...changes })) {
      if (value === undefined) next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };
  const kindLabel = (code: DeadlineKind) => t(`deadlines.kind.${code}` as MessageKey);
  // A base already below Art. 7.2's minimum is overdue from a day the facts may not show: the tag says it all.
  const left = (row: DeadlineItem) =>
    row.overdue && row.daysLeft >= 0
      ? ""
      : row.daysLeft < 0
        ? t("deadlines.daysOver", { n: -row.daysLeft })
        : row.daysLeft === 0
          ? t("deadlines.today")
          : t("deadlines.daysLeft", { n: row.daysLeft });

  return (
    <>
      <PageHeader title={t("nav.deadlines")} intro={t("deadlines.intro")} />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<DeadlineKind>
            allowClear
            placeholder={t("deadlines.allKinds")}
            value={kind}
            onChange={(picked) => update({ kind: picked })}
            style={{ width: 220 }}
            data-testid="deadlines-kind-filter"
            options={deadlineKindCodes.map((value) => ({ value, label: kindLabel(value) }))}
          />
          <Select<"all" | "true" | "false">
            value={overdue ?? "all"}
            onChange={(picked) => update({ overdue: picked === "all" ? undefined : picked })}
            style={{ width: 140 }}
            data-testid="deadlines-overdue-filter"
            options={[
              { value: "all", label: t("deadlines.overdue.all") },
              { value: "true", label: t("deadlines.overdue.only") },
              { value: "false", label: t("deadlines.overdue.not") },
            ]}
          />
          <Select<number>
            value={horizon}
            onChange={(picked) => update({ horizon: String(picked) })}
            style={{ width: 140 }}
            data-testid="deadlines-horizon-filter"
            options={horizons.map((n) => ({ value: n, label: t("deadlines.horizon", { n }) }))}
          />
          {list.data ? (
            <Typography.Text type="secondary" data-testid="deadlines-summary">
              {t("deadlines.summary", {
                total: list.data.total,
                overdue: list.data.overdue,
                today: date(list.data.today),
              })}
            </Typography.Text>
          ) : null}
        </Space>
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<DeadlineItem>
          rowKey="id"
          size="middle"
          data-testid="deadlines-table"
          loading={list.isFetching}
          dataSource={list.data?.items}
          onRow={(row) => ({ "data-testid": `deadline-row-${row.id}` }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            hideOnSinglePage: true,
            showSizeChanger: false,
            onChange: (next) => update({ page: next === 1 ? undefined : String(next) }),
            showTotal: (total) => t("table.total", { n: total }),
          }}
          locale={{ emptyText: t("deadlines.empty") }}
          columns={[
            {
              title: t("deadlines.dueOn"),
              width: 210,
              render: (_, row) => (
                <Space size={4} wrap>
                  <Typography.Text type={row.overdue ? "danger" : undefined}>{date(row.dueOn)}</Typography.Text>
                  {row.overdue ? (
                    <Tag color="red" data-testid="deadline-overdue">
                      {t("deadlines.overdueTag")}
                    </Tag>
                  ) : null}
                  <Typography.Text type={row.overdue ? "danger" : row.severity === "urgent" ? "warning" : "secondary"}>
                    {left(row)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t("deadlines.kind"),
              width: 170,
              render: (_, row) => (
                <Space size={4} wrap>
                  <span>{kindLabel(row.kind)}</span>
                  {row.belowMinimum ? <Tag color="volcano">{t("deadlines.belowMinimum")}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t("deadlines.base"),
              render: (_, row) =>
                row.baseId && row.baseName ? (
                  <Link to={`/bases/${row.baseId}`} data-testid={`deadline-base-${row.baseId}`}>
                    {row.baseName}
                  </Link>
                ) : (
                  "—"
                ),
            },
            { title: t("deadlines.unit"), render: (_, row) => row.unitName ?? "—" },
            {
              title: t("deadlines.subject"),
              render: (_, row) => {
                const text = pick(row.subjectZh, row.subjectEn);
                return row.link ? <Link to={row.link}>{text}</Link> : text;
              },
            },
            { title: t("deadlines.article"), width: 130, render: (_, row) => <ArticleRef article={row.article} /> },
          ]}
        />
      </Card>
    </>
  );
}
