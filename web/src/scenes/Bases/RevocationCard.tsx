import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { revocationGrounds } from "../../../../policy/reference/revocation-grounds";
import { type RevocationSummary, revocationsApi } from "../../api/revocations";
import { QueryError } from "../../components/QueryError";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { RevocationStateTag, useGroundLabel } from "../Revocations/revocation-labels";

/**
 * A base's revocation cases (Art. 20) and its 3-year ban end once revoked; the department opens a case on one of
 * the nine grounds, the host unit asks to withdraw (Art. 20.7) — each only when the server says so.
 */
export function RevocationCard({ baseId }: { baseId: string }) {
  const { t, date } = useI18n();
  const groundLabel = useGroundLabel();
  const [dialog, setDialog] = useState<"open" | "withdraw" | null>(null);
  const query = useQuery({
    queryKey: ["bases", "revocations", baseId],
    queryFn: () => revocationsApi.ofBase(baseId),
    retry: false,
  });
  // Readers without revocation.read (e.g. an expert) do not get the card.
  if (query.isError && (query.error as { status?: number }).status === 403) return null;
  const data = query.data;
  return (
    <Card
      title={t("revocation.card")}
      style={{ marginTop: 16 }}
      data-testid="base-revocations"
      extra={
        <Space>
          {data?.canOpen ? (
            <Button danger onClick={() => setDialog("open")} data-testid="revocation-open">
              {t("revocation.open")}
            </Button>
          ) : null}
          {data?.canRequestWithdrawal ? (
            <Button onClick={() => setDialog("withdraw")} data-testid="withdrawal-request">
              {t("revocation.withdrawal")}
            </Button>
          ) : null}
        </Space>
      }
    >
      {query.isError ? <QueryError error={query.error} onRetry={() => query.refetch()} /> : null}
      {data?.banEndsOn ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="base-ban-ends"
          title={`${t("revocation.banEndsOn")}：${date(data.banEndsOn)}`}
          description={t("revocation.banEndsOn.hint")}
        />
      ) : null}
      <Table<RevocationSummary>
        rowKey="id"
        size="small"
        loading={query.isLoading}
        dataSource={data?.items}
        pagination={{ pageSize: 5, hideOnSinglePage: true }}
        locale={{ emptyText: t("revocation.card.empty") }}
        columns={[
          {
            title: t("revocation.ground"),
            render: (_, row) => (
              <Link to={`/revocations/${row.id}`} data-testid={`revocation-link-${row.id}`}>
                {groundLabel(row.ground)}
              </Link>
            ),
          },
          { title: t("revocation.state"), width: 170, render: (_, row) => <RevocationStateTag state={row.state} /> },
          {
            title: "",
            width: 110,
            render: (_, row) =>
              row.state === "revoked" ? (
                <Button size="small" href={revocationsApi.noticeUrl(row.id)} data-testid="revocation-notice-download">
                  PDF
                </Button>
              ) : null,
          },
        ]}
      />
      <OpenDialog baseId={baseId} mode={dialog} onClose={() => setDialog(null)} />
    </Card>
  );
}

function OpenDialog({
  baseId,
  mode,
  onClose,
}: {
  baseId: string;
  mode: "open" | "withdraw" | null;
  onClose: () => void;
}) {
  const { t, pick } = useI18n();
  const feedback = useFeedback();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ ground?: number; evidence?: string }>();
  const submit = useMutation({
    mutationFn: (values: { ground?: number; evidence?: string }) =>
      mode === "withdraw"
        ? revocationsApi.requestWithdrawal({ baseId, reason: values.evidence ?? "" })
        : revocationsApi.open({ baseId, ground: values.ground ?? 0, evidence: values.evidence ?? "" }),
    onSuccess: (created) => {
      client.invalidateQueries({ queryKey: ["bases"] });
      client.invalidateQueries({ queryKey: ["revocations"] });
      feedback.done(mode === "withdraw" ? t("revocation.withdrawal.done") : t("revocation.open.done"));
      form.resetFields();
      onClose();
      navigate(`/revocations/${created.id}`);
    },
    // The server's field errors land on the form (a withdrawal's reason is the case's evidence).
    onError: (error) => feedback.fail(error, form),
  });
  return (
    <Modal
      open={mode !== null}
      title={mode === "withdraw" ? t("revocation.withdrawal.title") : t("revocation.open.title")}
      okButtonProps={{ loading: submit.isPending, danger: true, "data-testid": "revocation-submit" }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {mode === "withdraw" ? (
        <Typography.Paragraph type="secondary">{t("revocation.withdrawal.hint")}</Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" onFinish={(values) => submit.mutate(values)}>
        {mode === "open" ? (
          <Form.Item
            name="ground"
            label={t("revocation.ground")}
            rules={[{ required: true, message: t("revocation.required") }]}
          >
            <Select
              data-testid="revocation-ground"
              options={revocationGrounds.map((g) => ({
                value: g.ground,
                label: pick(`（${g.ground}）${g.nameZh}`, `(${g.ground}) ${g.nameEn}`),
              }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="evidence"
          label={mode === "withdraw" ? t("revocation.reason") : t("revocation.evidence")}
          extra={mode === "open" ? t("revocation.open.evidenceHint") : undefined}
          rules={[{ required: true, whitespace: true, message: t("revocation.required") }]}
        >
          <Input.TextArea
            rows={5}
            maxLength={20000}
            data-testid={mode === "withdraw" ? "withdrawal-reason" : "revocation-evidence"}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
