import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, Flex, Segmented, Table, Tag } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { roleLabels } from "../../../../policy/roles";
import { grantsApi } from "../../api/endpoints";
import type { Grant, GrantStatus } from "../../api/types";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { ReasonModal } from "../../components/ReasonModal";
import { GrantStatusTag } from "../../components/tags";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

const statuses: GrantStatus[] = ["pending", "approved", "rejected", "revoked"];

/**
 * 安全管理员 approves or rejects what the system administrator requested (三员 separation of duties): a role to grant
 * (申请授权) or an approved role to revoke (申请撤销, the reason given with the request). Each row offers the decisions
 * the server allows on it (`decisions`): none on one's own account or own request, no approval that would break
 * 三员分立.
 */
export function RoleGrantsPage() {
  const { t, pick, dateTime, number } = useI18n();
  const client = useQueryClient();
  const feedback = useFeedback();
  // The status lives in the URL, so the 工作台's "待审批" card opens exactly its list.
  const [params, setParams] = useSearchParams();
  const status = statuses.find((s) => s === params.get("status")) ?? "pending";
  const [page, setPage] = useState({ current: 1, size: 20 });
  const [decision, setDecision] = useState<{ grant: Grant; kind: "approve" | "reject" } | null>(null);
  const list = useQuery({
    queryKey: ["role-grants", { status, ...page }],
    queryFn: () => grantsApi.list({ status, page: page.current, pageSize: page.size }),
    placeholderData: keepPreviousData,
  });
  const decide = useMutation({
    mutationFn: ({ grant, kind, reason }: { grant: Grant; kind: "approve" | "reject"; reason?: string }) =>
      kind === "approve" ? grantsApi.approve(grant.id, reason) : grantsApi.reject(grant.id, reason ?? ""),
    onSuccess: (_, { grant, kind }) => {
      feedback.done(t(grant.revokes ? `grants.done.revocation.${kind}` : `grants.done.${kind}`));
      setDecision(null);
      void client.invalidateQueries({ queryKey: ["role-grants"] });
      void client.invalidateQueries({ queryKey: ["dashboard"] });
    },
    onError: (error) => feedback.fail(error),
  });

  return (
    <>
      <PageHeader title={t("nav.roleGrants")} intro={t("grants.intro")} />
      <Card>
        <Segmented<GrantStatus>
          value={status}
          onChange={(value) => {
            setParams({ status: value }, { replace: true });
            setPage((p) => ({ ...p, current: 1 }));
          }}
          options={statuses.map((s) => ({ value: s, label: t(`grant.status.${s}`) }))}
          style={{ marginBottom: 16 }}
        />
        {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<Grant>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items}
          scroll={{ x: 1000 }}
          pagination={{
            current: page.current,
            pageSize: page.size,
            total: list.data?.total ?? 0,
            showTotal: (total) => t("table.total", { n: number(total) }),
            onChange: (current, size) => setPage({ current, size }),
          }}
          columns={[
            {
              title: t("grants.account"),
              key: "account",
              render: (_, grant) => `${grant.displayName}（${grant.username}）`,
            },
            {
              title: t("grants.kind"),
              key: "kind",
              width: 110,
              render: (_, grant) =>
                grant.revokes ? (
                  <Tag color="volcano" data-testid={`grant-kind-revoke-${grant.username}`}>
                    {t("grants.kind.revoke")}
                  </Tag>
                ) : (
                  <Tag>{t("grants.kind.grant")}</Tag>
                ),
            },
            {
              title: t("account.role"),
              dataIndex: "role",
              render: (role: Grant["role"]) => <Tag color="blue">{pick(roleLabels[role].zh, roleLabels[role].en)}</Tag>,
            },
            {
              title: t("grants.status"),
              dataIndex: "status",
              render: (s: GrantStatus) => <GrantStatusTag status={s} />,
            },
            { title: t("grants.requestedAt"), dataIndex: "requestedAt", render: (v: string) => dateTime(v) },
            { title: t("grants.decidedAt"), dataIndex: "decidedAt", render: (v: string | null) => dateTime(v) },
            { title: t("decision.reason"), dataIndex: "reason", render: (v: string | null) => v ?? "—" },
            {
              title: t("table.actions"),
              key: "actions",
              fixed: "right",
              width: 160,
              render: (_, grant) => {
                const offered = grant.decisions ?? [];
                if (!offered.length) return null;
                const revoke = grant.revokes !== null;
                return (
                  <Flex gap={4}>
                    {offered.includes("approve") ? (
                      <Button
                        size="small"
                        type="primary"
                        danger={revoke}
                        onClick={() => setDecision({ grant, kind: "approve" })}
                        data-testid={
                          revoke ? `grant-revoke-approve-${grant.username}` : `grant-approve-${grant.username}`
                        }
                      >
                        {t(revoke ? "grants.approveRevocation" : "grants.approve")}
                      </Button>
                    ) : null}
                    {offered.includes("reject") ? (
                      <Button size="small" danger={!revoke} onClick={() => setDecision({ grant, kind: "reject" })}>
                        {t("grants.reject")}
                      </Button>
                    ) : null}
                  </Flex>
                );
              },
            },
          ]}
        />
      </Card>
      <ReasonModal
        open={decision !== null}
        title={
          decision
            ? t(
                decision.grant.revokes
                  ? `grants.decision.revocation.${decision.kind}`
                  : `grants.decision.${decision.kind}`,
              )
            : ""
        }
        description={
          decision
            ? t(decision.grant.revokes ? "grants.revocationText" : "grants.decisionText", {
                name: decision.grant.displayName,
                role: pick(roleLabels[decision.grant.role].zh, roleLabels[decision.grant.role].en),
                reason: decision.grant.reason ?? "—",
              })
            : undefined
        }
        required={decision?.kind === "reject"}
        danger={decision?.kind === "reject" || (decision?.kind === "approve" && decision.grant.revokes !== null)}
        loading={decide.isPending}
        onCancel={() => setDecision(null)}
        onSubmit={(reason) => decision && decide.mutate({ ...decision, reason })}
      />
    </>
  );
}
