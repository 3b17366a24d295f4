import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Space,
  Spin,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { type BaseState, baseLifecycle } from "../../../../policy/lifecycles/base.transitions";
import { isApiError } from "../../api/errors";
import { type RevocationDetail, type RevocationEvent, revocationsApi } from "../../api/revocations";
import { EvidenceFiles } from "../../components/EvidenceFiles";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { ReasonModal } from "../../components/ReasonModal";
import { useFeedback } from "../../components/useFeedback";
import { useI18n } from "../../i18n/I18nProvider";
import { RevocationStateTag, useGroundLabel, useSourceLabel } from "./revocation-labels";

/** Events that need a written reason (a return, a dismissal). */
const withReason: ReadonlySet<RevocationEvent> = new Set(["return", "dismiss"]);

interface DecisionValues {
  meetingDate?: string;
  minuteRef?: string;
  documentPrefix?: string;
  documentNumber?: number;
}

/**
 * One revocation case (Art. 20): the ground and its evidence, where the system's proposal came from, the events the
 * server offers as buttons, the department's decision form (厅党组会 record, document number) and, once revoked,
 * the ban end and the notice.
 */
export function RevocationPage() {
  const { id = "" } = useParams();
  return <RevocationCase key={id} id={id} />;
}

function RevocationCase({ id }: { id: string }) {
  const { t, pick, date } = useI18n();
  const groundLabel = useGroundLabel();
  const sourceLabel = useSourceLabel();
  const feedback = useFeedback();
  const client = useQueryClient();
  const [form] = Form.useForm<DecisionValues>();
  const [asking, setAsking] = useState<RevocationEvent | null>(null);
  const query = useQuery({ queryKey: ["revocations", id], queryFn: () => revocationsApi.get(id) });
  const detail = query.data;

  const settle = (next: RevocationDetail) => {
    client.setQueryData(["revocations", id], next);
    client.invalidateQueries({ queryKey: ["revocations", "list"] });
    client.invalidateQueries({ queryKey: ["bases"] });
  };
  const fire = useMutation({
    mutationFn: (input: { event: RevocationEvent; reason?: string } & DecisionValues) =>
      revocationsApi.fire(id, { ...input, expectedVersion: detail!.version }),
    onSuccess: (next, input) => {
      setAsking(null);
      settle(next);
      feedback.done(t("revocation.event.done", { event: eventLabel(input.event) }));
    },
    onError: (error) => {
      feedback.fail(error, form);
      if (isApiError(error) && error.status === 409 && error.code === "stale-version") query.refetch();
    },
  });
  const eventLabel = (event: RevocationEvent) =>
    event === "revoke" ? t("revocation.revoke") : t(`revocation.event.${event}`);

  if (query.isPending) return <Spin />;
  if (query.isError || !detail) {
    if (isApiError(query.error) && query.error.status === 404) {
      return <Alert type="warning" showIcon title={t("revocation.notFound")} />;
    }
    return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  }
  const baseLabel = baseLifecycle.stateLabels[detail.baseStatus as BaseState];
  const canRevoke = detail.availableEvents.includes("revoke");
  const others = detail.availableEvents.filter((event) => event !== "revoke");

  return (
    <>
      <PageHeader
        title={detail.baseName}
        extra={
          <Link to="/revocations">
            <Button data-testid="revocation-back">{t("revocation.back")}</Button>
          </Link>
        }
      />
      <Card style={{ marginBottom: 16 }} data-testid="revocation-detail">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t("revocation.base")}>
            <Link to={`/bases/${detail.baseId}`}>{detail.baseName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t("revocation.unit")}>{detail.unitName}</Descriptions.Item>
          <Descriptions.Item label={t("revocation.ground")} span={2}>
            <span data-testid="revocation-ground-label">{groundLabel(detail.ground)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t("revocation.source")}>{sourceLabel(detail.source)}</Descriptions.Item>
          <Descriptions.Item label={t("revocation.state")}>
            <RevocationStateTag state={detail.state} />
          </Descriptions.Item>
          <Descriptions.Item label={t("revocation.baseStatus")}>
            {baseLabel ? pick(baseLabel.zh, baseLabel.en) : detail.baseStatus}
          </Descriptions.Item>
          <Descriptions.Item label={t("revocation.createdAt")}>{date(detail.createdAt)}</Descriptions.Item>
          {detail.sourceRef ? (
            <Descriptions.Item label={t("revocation.sourceRef")}>
              <Link to={detail.sourceRef.link} data-testid="revocation-source">
                {pick(detail.sourceRef.labelZh, detail.sourceRef.labelEn)}
                {detail.sourceRef.year ? ` · ${detail.sourceRef.year}` : ""}
              </Link>
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t("revocation.edition")}>{detail.edition}</Descriptions.Item>
          <Descriptions.Item
            label={detail.source === "unit" ? t("revocation.reason") : t("revocation.evidence")}
            span={2}
          >
            <Typography.Paragraph
              style={{ whiteSpace: "pre-wrap", marginBottom: 0 }}
              data-testid="revocation-evidence-text"
            >
              {detail.evidence || "—"}
            </Typography.Paragraph>
          </Descriptions.Item>
          {detail.returnReason ? (
            <Descriptions.Item label={t("revocation.returnReason")} span={2}>
              {detail.returnReason}
            </Descriptions.Item>
          ) : null}
          {detail.dismissedReason ? (
            <Descriptions.Item label={t("revocation.dismissedReason")} span={2}>
              {detail.dismissedReason}
            </Descriptions.Item>
          ) : null}
          {detail.state === "revoked" ? (
            <>
              <Descriptions.Item label={t("revocation.meetingDate")}>{date(detail.meetingDate)}</Descriptions.Item>
              <Descriptions.Item label={t("revocation.minuteRef")}>{detail.minuteRef}</Descriptions.Item>
              <Descriptions.Item label={t("revocation.documentNumber")}>{detail.documentNumber}</Descriptions.Item>
              <Descriptions.Item label={t("revocation.revokedOn")}>{date(detail.revokedOn)}</Descriptions.Item>
              <Descriptions.Item label={t("revocation.banEndsOn")}>
                <span data-testid="revocation-ban-ends">{date(detail.banEndsOn)}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t("revocation.decidedBy")}>{detail.decidedBy}</Descriptions.Item>
            </>
          ) : null}
        </Descriptions>
        {detail.noticeAvailable ? (
          <Button
            href={revocationsApi.noticeUrl(detail.id)}
            data-testid="revocation-notice-download"
            style={{ marginTop: 12 }}
          >
            {t("revocation.notice")}
          </Button>
        ) : null}
      </Card>

      <EvidenceFiles owner="revocations" id={detail.id} state={detail.state} />

      {canRevoke ? (
        <Card title={t("revocation.decision")} style={{ marginBottom: 16 }} data-testid="revocation-decide">
          <Typography.Paragraph type="secondary">{t("revocation.decision.hint")}</Typography.Paragraph>
          <Form<DecisionValues>
            form={form}
            layout="vertical"
            style={{ maxWidth: 560 }}
            onFinish={(values) => fire.mutate({ event: "revoke", ...values })}
          >
            <Form.Item
              name="meetingDate"
              label={t("revocation.meetingDate")}
              rules={[{ required: true, message: t("revocation.required") }]}
            >
              <Input type="date" data-testid="revocation-meeting-date" />
            </Form.Item>
            <Form.Item
              name="minuteRef"
              label={t("revocation.minuteRef")}
              rules={[{ required: true, whitespace: true, message: t("revocation.required") }]}
            >
              <Input maxLength={200} data-testid="revocation-minute-ref" />
            </Form.Item>
            <Space align="start">
              <Form.Item
                name="documentPrefix"
                label={t("revocation.docPrefix")}
                initialValue="鄂科技函"
                rules={[{ required: true, whitespace: true, message: t("revocation.required") }]}
              >
                <Input maxLength={40} data-testid="revocation-doc-prefix" />
              </Form.Item>
              <Form.Item
                name="documentNumber"
                label={t("revocation.docNumber")}
                rules={[{ required: true, message: t("revocation.required") }]}
              >
                <InputNumber min={1} precision={0} data-testid="revocation-doc-number" />
              </Form.Item>
            </Space>
            <Flex gap={8}>
              <Popconfirm
                title={t("revocation.confirm.revoke")}
                onConfirm={() => form.submit()}
                okButtonProps={{ danger: true, "data-testid": "revocation-revoke-confirm" }}
              >
                <Button danger type="primary" loading={fire.isPending} data-testid="revocation-revoke">
                  {t("revocation.revoke")}
                </Button>
              </Popconfirm>
            </Flex>
          </Form>
        </Card>
      ) : null}

      <Card>
        {others.length === 0 && !canRevoke ? (
          <Typography.Text type="secondary">{t("revocation.noActions")}</Typography.Text>
        ) : (
          <Space wrap>
            {others.map((event) => (
              <Button
                key={event}
                danger={event === "dismiss" || event === "return"}
                type={event === "approve" || event === "resubmit" ? "primary" : "default"}
                loading={fire.isPending}
                data-testid={event === "dismiss" ? "revocation-dismiss" : `revocation-event-${event}`}
                onClick={() => (withReason.has(event) ? setAsking(event) : fire.mutate({ event }))}
              >
                {eventLabel(event)}
              </Button>
            ))}
          </Space>
        )}
      </Card>
      <ReasonModal
        open={asking !== null}
        title={asking ? eventLabel(asking) : ""}
        required
        danger={asking === "dismiss"}
        loading={fire.isPending}
        onCancel={() => setAsking(null)}
        onSubmit={(reason) => asking && fire.mutate({ event: asking, ...(reason ? { reason } : {}) })}
      />
    </>
  );
}
