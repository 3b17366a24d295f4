import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, Table } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { isRole, roleLabels } from "../../../../policy/roles";
import { type AuditQuery, auditApi } from "../../api/endpoints";
import type { AuditEntry, AuditOutcome } from "../../api/types";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { OutcomeTag } from "../../components/tags";
import { useI18n } from "../../i18n/I18nProvider";
import { AuditFilters } from "./AuditFilters";
import { VerifyChain } from "./VerifyChain";

type Filters = Omit<AuditQuery, "page" | "pageSize">;

const outcomes: readonly AuditOutcome[] = ["success", "refused", "failed"];

function filtersOf(params: URLSearchParams): Filters {
  const text = (key: string) => params.get(key) || undefined;
  return {
    q: text("q"),
    actor: text("actor"),
    action: text("action"),
    outcome: outcomes.find((outcome) => outcome === params.get("outcome")),
    from: text("from"),
    to: text("to"),
  };
}

/** 审计管理员: search the tamper-evident audit log and verify its HMAC-SM3 chain. */
export function AuditPage() {
  const { t, pick, dateTime, number } = useI18n();
  // The filters live in the URL, so the 工作台's cards (近 7 日被拒绝的操作) open exactly their list.
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const [page, setPage] = useState({ current: 1, size: 20 });
  const list = useQuery({
    queryKey: ["audit", { ...filters, ...page }],
    queryFn: () => auditApi.list({ ...filters, page: page.current, pageSize: page.size }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title={t("nav.audit")} intro={t("audit.intro")} extra={<VerifyChain />} />
      <Card>
        <AuditFilters
          initial={filters}
          onSearch={(next) => {
            setParams(
              Object.fromEntries(Object.entries(next).filter((entry): entry is [string, string] => Boolean(entry[1]))),
            );
            setPage((p) => ({ ...p, current: 1 }));
          }}
        />
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<AuditEntry>
          rowKey="seq"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.items}
          scroll={{ x: 1350 }}
          expandable={{
            // The record as stored, for the auditor who asks for it: action code, target and changes.
            expandedRowRender: (entry) => (
              <pre
                style={{ margin: 0, fontSize: 12, whiteSpace: "pre-wrap", wordBreak: "break-all" }}
                data-testid="audit-changes"
              >
                {[
                  `${t("audit.action")}: ${entry.action}`,
                  entry.targetType ? `${t("audit.target")}: ${entry.targetType} ${entry.targetId ?? ""}` : "",
                  entry.changes !== null && entry.changes !== undefined ? JSON.stringify(entry.changes, null, 2) : "",
                ]
                  .filter(Boolean)
                  .join("\n")}
              </pre>
            ),
          }}
          pagination={{
            current: page.current,
            pageSize: page.size,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t("table.total", { n: number(total) }),
            onChange: (current, size) => setPage({ current, size }),
          }}
          columns={[
            { title: t("audit.seq"), dataIndex: "seq", width: 70 },
            { title: t("audit.at"), dataIndex: "at", width: 175, render: (v: string) => dateTime(v) },
            {
              title: t("audit.actor"),
              key: "actor",
              width: 130,
              ellipsis: true,
              render: (_, entry) => pick(entry.actorZh, entry.actorEn),
            },
            {
              title: t("audit.role"),
              dataIndex: "actorRole",
              width: 110,
              render: (v: string | null) => (v && isRole(v) ? pick(roleLabels[v].zh, roleLabels[v].en) : (v ?? "—")),
            },
            {
              // The entry in words (server/audit/audit-presenter.ts); the stored codes are in the expanded row.
              title: t("audit.action"),
              key: "sentence",
              width: 380,
              render: (_, entry) => (
                <span data-testid="audit-sentence">{pick(entry.sentenceZh, entry.sentenceEn)}</span>
              ),
            },
            {
              title: t("audit.outcome"),
              dataIndex: "outcome",
              width: 80,
              render: (v: AuditEntry["outcome"]) => <OutcomeTag outcome={v} />,
            },
            { title: t("audit.ip"), dataIndex: "ip", width: 120, render: (v: string | null) => v ?? "—" },
            {
              title: t("decision.reason"),
              dataIndex: "reason",
              width: 220,
              ellipsis: { showTitle: true },
              render: (v: string | null) => v ?? "—",
            },
          ]}
        />
      </Card>
    </>
  );
}
