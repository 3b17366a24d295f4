import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button, Card, Flex, Segmented, Table, Tag } from "antd";
import { useState } from "react";
import { roleLabels } from "../../../../policy/roles";
import { grantsApi } from "../../api/endpoints";
import { hasAbility, useSession } from "../../api/session";
import type { Grant, GrantStatus } from "../../api/types";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { ReasonModal } from "../../components/ReasonModal";
import { GrantStatusTag } from "../../components/tags";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";

const statuses: GrantStatus[] = ["pending", "approved", "rejected", "revoked"];

/** 安全管理员 approves or rejects the roles the system administrator requested (三员 separation of duties). */
export function RoleGrantsPage() {
  const me = useSession();
  const { t, pick, dateTime, number } = useI18n();
  const client = useQueryClient();
  const feedback = useFeedback();
  const [status, setStatus] = useState<GrantStatus>("pending");
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
    onSuccess: (_, { kind }) => {
      feedback.done(t(`grants.done.${kind}`));
      setDecision(null);
      void client.invalidateQueries({ queryKey: ["role-grants"] });
      void client.invalidateQueries({ queryKey: ["dashboard"] });
    },
    onError: (error) => feedback.fail(error),
  });
  // The grant list carries no per-record abilities: a pending grant is decidable by whoever holds role-grant.approve.
  const canDecide = hasAbility(me, "role-grant.approve");

  return (
    <>
      <PageHeader title={t("nav.roleGrants")} intro={t("grants.intro")} />
      <Card>
        <Segmented<GrantStatus>
          value={status}
          onChange={(value) => {
            setStatus(value);
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
              render: (_, grant) =>
                canDecide && grant.status === "pending" ? (
                  <Flex gap={4}>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setDecision({ grant, kind: "approve" })}
                      data-testid={`grant-approve-${grant.username}`}
                    >
                      {t("grants.approve")}
                    </Button>
                    <Button size="small" danger onClick={() => setDecision({ grant, kind: "reject" })}>
                      {t("grants.reject")}
                    </Button>
                  </Flex>
                ) : null,
            },
          ]}
        />
      </Card>
      <ReasonModal
        open={decision !== null}
        title={decision ? t(`grants.decision.${decision.kind}`) : ""}
        description={
          decision
            ? t("grants.decisionText", {
                name: decision.grant.displayName,
                role: pick(roleLabels[decision.grant.role].zh, roleLabels[decision.grant.role].en),
              })
            : undefined
        }
        required={decision?.kind === "reject"}
        danger={decision?.kind === "reject"}
        loading={decide.isPending}
        onCancel={() => setDecision(null)}
        onSubmit={(reason) => decision && decide.mutate({ ...decision, reason })}
      />
    </>
  );
}
