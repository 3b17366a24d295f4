import { useQuery } from "@tanstack/react-query";
import { Card, Empty, List, Tag } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { assignmentLifecycle, assignmentStates } from "../../../../policy/review/assignment.transitions";
import { portalApi } from "../../api/review";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useI18n } from "../../i18n/I18nProvider";
import { AssignmentPanel } from "./AssignmentPanel";

/** 我的评审: an expert's own assignments only; the server decides which actions each one offers (`events`). */
export function ExpertPortalPage() {
  const { t, pick } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  // The 工作台 opens this list filtered (status, open: rounds still in review); the filter shows as a closable tag.
  const [params, setParams] = useSearchParams();
  const status = assignmentStates.find((state) => state === params.get("status"));
  const openOnly = params.get("open") === "true";
  const list = useQuery({
    queryKey: ["portal", status ?? null, openOnly],
    queryFn: () => portalApi.list({ ...(status ? { status } : {}), ...(openOnly ? { open: "true" } : {}) }),
  });
  const selected = open ?? list.data?.items[0]?.id ?? null;

  return (
    <>
      <PageHeader title={t("nav.expertPortal")} intro={t("portal.intro")} />
      {status || openOnly ? (
        <Tag closable onClose={() => setParams({})} style={{ marginBottom: 12 }} data-testid="portal-filter">
          {[
            status ? pick(assignmentLifecycle.stateLabels[status].zh, assignmentLifecycle.stateLabels[status].en) : "",
            openOnly ? t("todo.filter.openRounds") : "",
          ]
            .filter(Boolean)
            .join(" · ")}
        </Tag>
      ) : null}
      {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
      <Card style={{ marginBottom: 16 }}>
        <List
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={t("portal.empty")} /> }}
          renderItem={(item) => (
            <List.Item
              onClick={() => setOpen(item.id)}
              style={{ cursor: "pointer", background: item.id === selected ? "#f0f5ff" : undefined }}
              data-testid={`assignment-${item.id}`}
            >
              <List.Item.Meta title={item.targetTitle} description={item.unitName} />
              {item.roundStatus === "cancelled" ? (
                <Tag data-testid="assignment-status">{pick("评审已撤销", "Round cancelled")}</Tag>
              ) : (
                <Tag data-testid="assignment-status">{item.statusLabelZh}</Tag>
              )}
              {item.role === "leader" ? <Tag color="gold">{t("portal.leader")}</Tag> : null}
            </List.Item>
          )}
        />
      </Card>
      {selected ? <AssignmentPanel key={selected} id={selected} /> : null}
    </>
  );
}
